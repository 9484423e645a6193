package eu.focus.gateway.security;

import java.util.Set;

/**
 * The authenticated caller, taken from the JWT: which agency, which person (the token subject), and
 * which roles. Everything the gateway does is attributed to a Caller in the audit log.
 */
public record Caller(String agencyId, String person, Set<String> roles) {

  public static final String AGENCY = "AGENCY";
  public static final String AUDITOR = "AUDITOR";
  public static final String OPERATOR = "OPERATOR";

  /** The role recorded in audit entries: the most specific one the caller holds. */
  public String primaryRole() {
    if (roles.contains(AGENCY)) {
      return AGENCY;
    }
    if (roles.contains(AUDITOR)) {
      return AUDITOR;
    }
    return roles.contains(OPERATOR) ? OPERATOR : "NONE";
  }
}

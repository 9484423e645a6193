package eu.focus.gateway.consent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A registered consent: the stored contract document plus the fields the gateway indexes.
 * Withdrawal takes effect from {@code withdrawnAt} on (GDPR 7(3)): earlier disclosures stay lawful.
 */
public record Consent(
    String consentId,
    String recordId,
    String subjectPseudonym,
    String status,
    Instant validFrom,
    Instant validTo,
    Instant withdrawnAt,
    String registeredBy,
    JsonNode content) {

  public static final String ACTIVE = "ACTIVE";
  public static final String WITHDRAWN = "WITHDRAWN";

  public boolean coversRecipient(String agencyId, String agencyType) {
    for (JsonNode r : content.path("recipients")) {
      if (agencyId.equals(r.path("agencyId").asText(null))
          || agencyType.equals(r.path("agencyType").asText(null))) {
        return true;
      }
    }
    return false;
  }

  public boolean coversPurpose(String purpose) {
    return strings("purposes").contains(purpose);
  }

  public boolean allowsAction(String action) {
    return strings("actions").contains(action);
  }

  public Set<String> dataScope() {
    return strings("dataScope");
  }

  public String grantorType() {
    return content.path("grantor").path("type").asText();
  }

  public String grantorGuardianId() {
    return content.path("grantor").path("guardianId").asText(null);
  }

  private Set<String> strings(String field) {
    Set<String> s = new HashSet<>();
    content.path(field).forEach(n -> s.add(n.asText()));
    return s;
  }
}

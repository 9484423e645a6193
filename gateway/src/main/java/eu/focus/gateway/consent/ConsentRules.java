package eu.focus.gateway.consent;

import com.fasterxml.jackson.databind.JsonNode;

/** Rules about who may consent, shared by consent registration and the decision at delivery. */
public final class ConsentRules {

  private ConsentRules() {}

  /**
   * A guardian flagged with a conflict of interest (e.g. a parent who is the suspect) cannot
   * consent on the child's behalf. An unknown guardian counts as conflicted: refuse when in doubt.
   */
  public static boolean grantorIsConflicted(Consent consent, JsonNode record) {
    if (!"GUARDIAN".equals(consent.grantorType())) {
      return false;
    }
    String id = consent.grantorGuardianId();
    for (JsonNode g : record.path("guardians")) {
      if (g.path("guardianId").asText().equals(id)) {
        return g.path("conflictOfInterest").path("flag").asBoolean(true);
      }
    }
    return true;
  }
}

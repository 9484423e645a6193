package eu.focus.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The child's category in a record, as the policy sees it (LED Art. 6 keeps categories distinct). A
 * child who is both suspect and victim counts as SUSPECT: the stricter rules apply.
 */
public enum SubjectCategory {
  SUSPECT,
  VICTIM,
  WITNESS;

  private static final Set<String> SUSPECT_ROLES =
      Set.of("SUSPECT", "ACCUSED", "CONVICTED", "BELOW_AGE_OF_CRIMINAL_RESPONSIBILITY");
  private static final Set<String> VICTIM_ROLES = Set.of("VICTIM", "POTENTIAL_VICTIM");

  public static SubjectCategory of(JsonNode record) {
    boolean victim = false;
    for (JsonNode r : record.path("case").path("childRoles")) {
      String role = r.path("role").asText();
      if (SUSPECT_ROLES.contains(role)) {
        return SUSPECT;
      }
      victim |= VICTIM_ROLES.contains(role);
    }
    return victim ? VICTIM : WITNESS;
  }
}

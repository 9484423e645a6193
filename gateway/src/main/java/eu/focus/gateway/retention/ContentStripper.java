package eu.focus.gateway.retention;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.gateway.policy.Access;
import eu.focus.gateway.policy.Minimiser;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Removes whole sensitivity classes from a stored record. It is the minimiser's schema walk with
 * every other class kept in full, so the classes are found by the same {@code x-sensitivity}
 * annotations that decide what recipients see, at every depth, including findings whose class is in
 * the data: what retention removes is exactly what a recipient without that class would not get. An
 * object keeps the class its presence discloses (the whole {@code child} is S1), so once every
 * class S1..S7 is gone only the S0 routing skeleton is left.
 */
@Component
public class ContentStripper {

  private final Minimiser minimiser;

  public ContentStripper(Minimiser minimiser) {
    this.minimiser = minimiser;
  }

  /** The record without the given classes (S0 cannot be removed). */
  public JsonNode without(JsonNode record, Set<String> classes) {
    Map<String, Access> keep = new TreeMap<>();
    for (String cls : RetentionRules.CLASSES) {
      keep.put(cls, classes.contains(cls) ? Access.NONE : Access.FULL);
    }
    return minimiser.minimise(record, keep).record();
  }
}

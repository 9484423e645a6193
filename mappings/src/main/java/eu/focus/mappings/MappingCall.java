package eu.focus.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state of one mapping run: the system's code lists and the errors found so far. The code-list
 * functions of both mapping languages ({@code $toContract} in JSONata, {@code fg:to-contract} in
 * XSLT) end up here. A failed lookup records an error and yields nothing instead of aborting, so
 * that one run reports every bad code of the payload. One instance per run; not shared between
 * threads.
 */
final class MappingCall {

  /** Which way a code is translated. */
  enum Direction {
    TO_CONTRACT,
    TO_NATIONAL
  }

  private final String systemId;
  private final Map<String, CodeList> codeLists;
  private final List<MappingError> errors = new ArrayList<>();

  MappingCall(String systemId, Map<String, CodeList> codeLists) {
    this.systemId = systemId;
    this.codeLists = codeLists;
  }

  String systemId() {
    return systemId;
  }

  /**
   * Translates one code. A missing value ({@code null}) translates to nothing without an error: a
   * field the contract requires is then reported by contract validation.
   *
   * @param list the code list's name
   * @param value the code as text, or {@code null} when the input has none
   * @param field where the value is in the mapping's input, for the error
   * @return the translated code, or {@code null} when there is none (an error is recorded unless
   *     the value was missing)
   */
  String translate(Direction direction, String list, String value, String field) {
    if (value == null) {
      return null;
    }
    CodeList codes = codeLists.get(list);
    if (codes == null) {
      error(field, value, "the mapping uses code list '" + list + "', which the system lacks");
      return null;
    }
    CodeList.Lookup lookup =
        direction == Direction.TO_CONTRACT ? codes.toContract(value) : codes.toNational(value);
    String side = direction == Direction.TO_CONTRACT ? "national" : "contract";
    String other = direction == Direction.TO_CONTRACT ? "contract" : "national";
    switch (lookup.status()) {
      case MAPPED:
        return lookup.code();
      case UNMAPPED:
        error(
            field,
            value,
            side
                + " code '"
                + value
                + "' of code list '"
                + list
                + "' has no "
                + other
                + " equivalent: "
                + lookup.note());
        return null;
      default:
        error(
            field, value, "unknown " + side + " code '" + value + "' in code list '" + list + "'");
        return null;
    }
  }

  /** Records an error found by the mapping or the engine. */
  void error(String field, String value, String message) {
    errors.add(new MappingError(systemId, field == null ? "" : field, value, message));
  }

  List<MappingError> errors() {
    return errors;
  }
}

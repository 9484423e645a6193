package eu.focus.mappings;

import java.util.Objects;

/**
 * One reason why a payload could not be mapped.
 *
 * @param system the national system whose mapping ran
 * @param field where the problem is, in the input of the mapping: an RFC 6901 JSON pointer into a
 *     national JSON payload (inbound) or into the delivery message (outbound), an XPath into a
 *     national XML payload, {@code row N, column <name>} (or {@code row N}) into a national CSV
 *     file whose header is row 1, {@code ""} for the payload as a whole, or {@code contract:}
 *     followed by a JSON pointer into the submission the mapping produced when that submission
 *     breaks the contract
 * @param value the offending value as text (JSON text for arrays and objects), or {@code null} when
 *     the value is missing
 * @param message what is wrong, in English
 */
public record MappingError(String system, String field, String value, String message) {

  /** Prefix of {@link #field()} for violations of the contract by the mapping's output. */
  public static final String CONTRACT_PREFIX = "contract:";

  public MappingError {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** Whether the produced document breaks the contract (rather than the input being unmappable). */
  public boolean isContractViolation() {
    return field.startsWith(CONTRACT_PREFIX);
  }

  /**
   * The error as one tab-separated line, {@code system field value message}; an empty field is
   * written {@code ""} and a missing value {@code -}, so that every line has four columns.
   */
  public String toLine() {
    return String.join(
        "\t",
        system,
        field.isEmpty() ? "\"\"" : field,
        value == null ? "-" : oneLine(value),
        oneLine(message));
  }

  private static String oneLine(String text) {
    return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }
}

package eu.focus.adapters.inbound;

import java.util.List;

/**
 * The gateway refused a national message. Carries the machine-readable code and every error line
 * (system, field, value, message) so the channel can report them in its own shape: a SOAP Fault, an
 * error file next to the input, a log line for a poll.
 */
public class InboxRejectedException extends RuntimeException {

  private final String code;
  private final List<String> errors;

  public InboxRejectedException(String code, String message, List<String> errors) {
    super(message);
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  /** Machine-readable reason, e.g. {@code MAPPING-FAILED} or {@code VALIDATION-FAILED}. */
  public String code() {
    return code;
  }

  /** Every error, one per line, in the national system's terms. */
  public List<String> errors() {
    return errors;
  }
}

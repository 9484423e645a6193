package eu.focus.gateway.problem;

import eu.focus.contract.Violation;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal with a clear reason, turned by each channel into its error shape (an RFC 9457 problem
 * on REST). {@code code} is the problem type's last path segment; {@code rule} names the policy
 * rule that refused (on 403); {@code errors} lists every violation with its JSON pointer (on 422).
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final String rule;
  private final transient List<Violation> errors;

  public ApiException(
      HttpStatus status, String code, String detail, String rule, List<Violation> errors) {
    super(detail);
    this.status = status;
    this.code = code;
    this.rule = rule;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static ApiException of(HttpStatus status, String code, String detail) {
    return new ApiException(status, code, detail, null, null);
  }

  public static ApiException forbidden(String rule, String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail, rule, null);
  }

  public static ApiException notFound(String what) {
    return of(HttpStatus.NOT_FOUND, "not-found", what + " does not exist or is not visible to you");
  }

  public static ApiException invalid(String detail, List<Violation> errors) {
    return new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY, "contract-violation", detail, null, errors);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String rule() {
    return rule;
  }

  public List<Violation> errors() {
    return errors;
  }
}

package eu.focus.gateway.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * A channel whose error shape is not the problem document (FHIR: OperationOutcome). Refusals that
 * happen before a channel's own code runs (no token, wrong role, body too large) are written by
 * filters shared by every channel; they ask each of these beans whether it serves the request and
 * let it answer in its own shape. Requests no channel claims get problem+json.
 */
public interface ChannelErrors {

  /** True when the request is addressed to this channel. */
  boolean serves(HttpServletRequest request);

  /**
   * Writes the refusal in the channel's shape.
   *
   * @param code the problem code, as in the REST problem type (e.g. {@code unauthenticated})
   * @param rule the rule that refused (on 403), or null
   */
  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String code,
      String detail,
      String rule)
      throws IOException;
}

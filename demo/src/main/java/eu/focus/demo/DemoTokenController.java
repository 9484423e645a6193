package eu.focus.demo;

import eu.focus.gateway.agency.AgencyDirectory;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.security.Caller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /demo/token?agency=ro-police} or {@code ?role=AUDITOR|OPERATOR}: a one-hour token for
 * a demo agency, auditor or operator. Demo profile only; the endpoint does not exist elsewhere.
 */
@RestController
@Profile("demo")
@ConditionalOnProperty(prefix = "focus.demo", name = "token-issuer", havingValue = "true")
public class DemoTokenController {

  private final DemoTokens tokens;
  private final AgencyDirectory agencies;

  public DemoTokenController(DemoTokens tokens, AgencyDirectory agencies) {
    this.tokens = tokens;
    this.agencies = agencies;
  }

  @PostMapping("/demo/token")
  public Map<String, Object> token(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String role,
      @RequestParam(required = false, defaultValue = "demo-user") String person) {
    String token;
    if (agency != null) {
      agencies
          .find(agency)
          .orElseThrow(
              () ->
                  ApiException.of(
                      HttpStatus.NOT_FOUND, "unknown-agency", "No such agency: " + agency));
      token =
          tokens.issue(agency, person + "@" + agency, List.of(Caller.AGENCY), Duration.ofHours(1));
    } else if (Caller.AUDITOR.equals(role) || Caller.OPERATOR.equals(role)) {
      token = tokens.issue(null, person, List.of(role), Duration.ofHours(1));
    } else {
      throw ApiException.of(
          HttpStatus.BAD_REQUEST,
          "bad-request",
          "Give agency=<agency id> or role=AUDITOR|OPERATOR");
    }
    return Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600);
  }
}

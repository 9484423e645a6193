package eu.focus.gateway.channel.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import eu.focus.gateway.problem.ChannelErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refusals under {@code /fhir} that happen before HAPI sees the request (no token, wrong role, body
 * too large) answer an OperationOutcome, as everything else on this channel does.
 */
@Component
public class FhirChannelErrors implements ChannelErrors {

  private final FhirContext fhir;

  public FhirChannelErrors(FhirContext fhir) {
    this.fhir = fhir;
  }

  @Override
  public boolean serves(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(FhirChannelConfiguration.PATH)
        || path.startsWith(FhirChannelConfiguration.PATH + "/");
  }

  @Override
  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String code,
      String detail,
      String rule)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(Constants.CT_FHIR_JSON_NEW);
    response.setCharacterEncoding("UTF-8");
    String body =
        fhir.newJsonParser()
            .encodeResourceToString(FhirOutcomes.error(status, code, detail, rule, null));
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}

package eu.focus.gateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The channel takes FHIR JSON only: a request body of any other media type is refused with 415
 * before HAPI parses it (HAPI would answer 400, and would accept FHIR XML, which this channel does
 * not offer).
 */
@Interceptor
public class FhirMediaTypes {

  static final Set<String> ACCEPTED =
      Set.of("application/fhir+json", "application/json", "application/json+fhir");

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
  public boolean checkContentType(HttpServletRequest request) {
    String method = request.getMethod();
    boolean hasBody =
        request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    if (!hasBody || !Set.of("POST", "PUT", "PATCH").contains(method)) {
      return true;
    }
    String type = request.getContentType();
    String bare = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!ACCEPTED.contains(bare)) {
      throw new FhirExceptionTranslator.Translated(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "unsupported-media-type",
          "Send application/fhir+json",
          null,
          null);
    }
    return true;
  }
}

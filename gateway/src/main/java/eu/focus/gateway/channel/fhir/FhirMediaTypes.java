package eu.focus.gateway.channel.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The channel takes FHIR JSON only: a request body of any other media type is refused with 415
 * before HAPI sees it. HAPI itself would answer 400, would accept FHIR XML (which this channel does
 * not offer), and would answer in the encoding of the refused request.
 */
public class FhirMediaTypes extends OncePerRequestFilter {

  static final Set<String> ACCEPTED =
      Set.of("application/fhir+json", "application/json", "application/json+fhir");

  private final FhirChannelErrors errors;

  public FhirMediaTypes(FhirChannelErrors errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean hasBody =
        request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    String type = request.getContentType();
    String bare = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (hasBody && !ACCEPTED.contains(bare)) {
      errors.write(
          request,
          response,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "unsupported-media-type",
          "Send application/fhir+json",
          null);
      return;
    }
    chain.doFilter(request, response);
  }
}

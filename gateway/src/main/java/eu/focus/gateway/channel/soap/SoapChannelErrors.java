package eu.focus.gateway.channel.soap;

import eu.focus.gateway.problem.ChannelErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refusals on the SOAP channel's path that happen before CXF reads the request (no token, wrong
 * role, body too large) as SOAP Faults with the content of the REST problem document.
 */
@Component
class SoapChannelErrors implements ChannelErrors {

  @Override
  public boolean serves(HttpServletRequest request) {
    // the request URI includes the servlet context path; PATH is relative to it
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(SoapChannelRoutes.PATH) || path.startsWith(SoapChannelRoutes.PATH + "/");
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
    new FocusFault(code, status.value(), status.getReasonPhrase(), detail, rule, null)
        .writeTo(response);
  }
}

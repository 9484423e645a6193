package eu.focus.gateway.soap;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The security filter chain's refusals on the SOAP channel's path, as SOAP Faults with the content
 * of the REST problem ({@code unauthenticated} 401, {@code forbidden} 403 with rule {@code
 * AUTH-ROLE-REQUIRED}); every other path keeps the handler given.
 */
public final class SoapRefusals {

  private SoapRefusals() {}

  public static AuthenticationEntryPoint unauthenticated(AuthenticationEntryPoint otherwise) {
    return (request, response, ex) -> {
      if (!request.getRequestURI().startsWith(SoapChannelRoutes.PATH)) {
        otherwise.commence(request, response, ex);
        return;
      }
      response.setHeader("WWW-Authenticate", "Bearer");
      FocusFault.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required")
          .writeTo(response);
    };
  }

  public static AccessDeniedHandler forbidden(AccessDeniedHandler otherwise) {
    return (request, response, ex) -> {
      if (!request.getRequestURI().startsWith(SoapChannelRoutes.PATH)) {
        otherwise.handle(request, response, ex);
        return;
      }
      new FocusFault(
              "forbidden",
              HttpStatus.FORBIDDEN.value(),
              HttpStatus.FORBIDDEN.getReasonPhrase(),
              "Your roles do not allow this call",
              "AUTH-ROLE-REQUIRED",
              null)
          .writeTo(response);
    };
  }
}

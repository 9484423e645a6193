package eu.focus.gateway.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take a {@link Caller} parameter, built from the validated JWT. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(Caller.class);
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    return current();
  }

  /** The caller of the current request. */
  public static Caller current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (!(auth instanceof JwtAuthenticationToken jwt)) {
      throw new IllegalStateException("No authenticated caller");
    }
    List<String> roles = jwt.getToken().getClaimAsStringList(SecurityConfig.ROLES_CLAIM);
    Set<String> roleSet = roles == null ? Set.of() : new HashSet<>(roles);
    return new Caller(
        jwt.getToken().getClaimAsString(SecurityConfig.AGENCY_CLAIM),
        jwt.getToken().getSubject(),
        Set.copyOf(roleSet));
  }
}

package eu.focus.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * What one channel contributes to the gateway's security filter chain: the paths it serves and who
 * may call them. Each channel package declares one bean of this type, so that only the channel
 * knows its paths and a new channel needs no change here. {@link SecurityConfig} applies the rules
 * of every channel in their {@code @Order} and denies whatever none of them allowed.
 */
public interface ChannelAccess {

  /** Adds this channel's rules (request matchers and the role each needs). */
  void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules);

  /**
   * The channel's name in security-event audit entries ({@code REST}, {@code SOAP}, {@code FHIR})
   * when the request is addressed to this channel, or null.
   */
  String channelOf(HttpServletRequest request);

  /** The request's path inside the application (without the servlet context path). */
  static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }
}

package eu.focus.gateway.channel.rest;

import eu.focus.gateway.security.Caller;
import eu.focus.gateway.security.ChannelAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the REST channel: the contract documents and the API page are public, the audit API
 * is for auditors, operations for operators, the agency list for anyone signed in, the rest of
 * {@code /api/v1} for agencies. Ordered last, since {@code /api/v1/**} would otherwise take the
 * paths of the national channel under {@code /api/v1/national}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RestAccess implements ChannelAccess {

  static final String PATH = "/api/v1";

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, PATH + "/openapi.json", PATH + "/schemas/**")
        .permitAll()
        .requestMatchers(HttpMethod.GET, "/", PATH + "/docs/**", "/webjars/**")
        .permitAll()
        .requestMatchers(PATH + "/audit/**")
        .hasRole(Caller.AUDITOR)
        .requestMatchers(PATH + "/operations/**")
        .hasRole(Caller.OPERATOR)
        .requestMatchers(HttpMethod.GET, PATH + "/agencies")
        .authenticated()
        .requestMatchers(PATH + "/**")
        .hasRole(Caller.AGENCY);
  }

  @Override
  public String channelOf(HttpServletRequest request) {
    return ChannelAccess.path(request).startsWith(PATH + "/") ? "REST" : null;
  }
}

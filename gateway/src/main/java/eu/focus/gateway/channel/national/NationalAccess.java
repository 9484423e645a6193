package eu.focus.gateway.channel.national;

import eu.focus.gateway.security.Caller;
import eu.focus.gateway.security.ChannelAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the national channel: agencies, on the REST endpoint for national formats and on the
 * SOAP endpoints of national systems that push (CXF servlet). Which agency a system speaks for is
 * checked against the token when the message is taken in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NationalAccess implements ChannelAccess {

  static final String REST_PATH = "/api/v1/national";
  static final String SOAP_PATH = "/services/national";

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(REST_PATH + "/**", SOAP_PATH + "/**").hasRole(Caller.AGENCY);
  }

  @Override
  public String channelOf(HttpServletRequest request) {
    String path = ChannelAccess.path(request);
    if (path.startsWith(SOAP_PATH + "/")) {
      return "SOAP";
    }
    return path.startsWith(REST_PATH + "/") ? "REST" : null;
  }
}

package eu.focus.gateway.channel.soap;

import eu.focus.gateway.security.Caller;
import eu.focus.gateway.security.ChannelAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the SOAP channel: its WSDL and XSD (GET ?wsdl, ?xsd=) are public, the rest is for
 * agencies.
 */
@Component
class SoapAccess implements ChannelAccess {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, SoapChannelRoutes.PATH)
        .permitAll()
        .requestMatchers(SoapChannelRoutes.PATH)
        .hasRole(Caller.AGENCY);
  }

  @Override
  public String channelOf(HttpServletRequest request) {
    return ChannelAccess.path(request).startsWith(SoapChannelRoutes.PATH) ? "SOAP" : null;
  }
}

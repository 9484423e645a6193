package eu.focus.demo;

import eu.focus.gateway.security.ChannelAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** The demo's own endpoints: its token issuer and what the simulated national systems received. */
@Profile("demo")
class DemoAccess implements ChannelAccess {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers("/demo/token")
        .permitAll()
        .requestMatchers(HttpMethod.GET, "/demo/simulators/**")
        .permitAll();
  }

  @Override
  public String channelOf(HttpServletRequest request) {
    return null;
  }
}

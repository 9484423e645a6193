package eu.focus.gateway.channel.fhir;

import eu.focus.gateway.security.Caller;
import eu.focus.gateway.security.ChannelAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the FHIR channel: the CapabilityStatement is public; {@code $validate} serves anyone
 * with a token (it stores and discloses nothing); the rest is for agencies.
 */
@Component
class FhirAccess implements ChannelAccess {

  private static final String PATH = FhirChannelConfiguration.PATH;

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, PATH + "/metadata")
        .permitAll()
        .requestMatchers(HttpMethod.POST, PATH + "/Bundle/$validate", PATH + "/Consent/$validate")
        .authenticated()
        .requestMatchers(PATH + "/**")
        .hasRole(Caller.AGENCY);
  }

  @Override
  public String channelOf(HttpServletRequest request) {
    return ChannelAccess.path(request).startsWith(PATH + "/") ? "FHIR" : null;
  }
}

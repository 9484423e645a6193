package eu.focus.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.gateway.audit.SecurityEventAudit;
import eu.focus.gateway.problem.ChannelErrors;
import eu.focus.gateway.problem.Problems;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Every API call carries an OAuth2 JWT whose {@value #AGENCY_CLAIM} claim names
 * the calling agency and whose {@value #ROLES_CLAIM} claim lists AGENCY, AUDITOR or OPERATOR. The
 * rules per path come from the channels ({@link ChannelAccess}); anything no channel allows is
 * denied. Refusals come back in the shape of the channel addressed ({@link ChannelErrors}):
 * problem+json by default, a SOAP Fault on the SOAP channel, an OperationOutcome under {@code
 * /fhir}. Each refusal is audited first ({@link RefusalAudit}).
 */
@Configuration
public class SecurityConfig implements WebMvcConfigurer {

  public static final String AGENCY_CLAIM = "agency";
  public static final String ROLES_CLAIM = "roles";

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      ObjectMapper json,
      List<ChannelErrors> errorShapes,
      List<ChannelAccess> channels,
      SecurityEventAudit securityEvents)
      throws Exception {
    AuthenticationEntryPoint unauthenticated =
        RefusalAudit.audited(Problems.unauthenticated(json, errorShapes), securityEvents, channels);
    AccessDeniedHandler forbidden =
        RefusalAudit.audited(Problems.forbidden(json, errorShapes), securityEvents, channels);
    http.csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            a -> {
              a.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus")
                  .permitAll();
              channels.forEach(c -> c.authorize(a));
              a.anyRequest().denyAll();
            })
        .oauth2ResourceServer(
            o ->
                o.jwt(j -> j.jwtAuthenticationConverter(jwtAuthenticationConverter()))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
    return http.build();
  }

  private static JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(SecurityConfig::authorities);
    return converter;
  }

  private static Collection<GrantedAuthority> authorities(Jwt jwt) {
    List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
    if (roles == null) {
      return List.of();
    }
    boolean hasAgency = jwt.getClaimAsString(AGENCY_CLAIM) != null;
    return roles.stream()
        // an AGENCY role without an agency claim grants nothing: deny by default
        .filter(r -> !Caller.AGENCY.equals(r) || hasAgency)
        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r))
        .collect(Collectors.toList());
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerArgumentResolver());
  }
}

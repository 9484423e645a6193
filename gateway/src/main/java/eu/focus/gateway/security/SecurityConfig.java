package eu.focus.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.gateway.api.ChannelErrors;
import eu.focus.gateway.api.Problems;
import eu.focus.gateway.audit.SecurityEventAudit;
import eu.focus.gateway.soap.SoapChannelRoutes;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
 * the calling agency and whose {@value #ROLES_CLAIM} claim lists AGENCY, AUDITOR or OPERATOR.
 * Anything not listed here is denied. Refusals come back in the shape of the channel addressed
 * ({@link ChannelErrors}): problem+json by default, a SOAP Fault on the SOAP channel, an
 * OperationOutcome under {@code /fhir}. Each refusal is audited first ({@link RefusalAudit}).
 */
@Configuration
public class SecurityConfig implements WebMvcConfigurer {

  public static final String AGENCY_CLAIM = "agency";
  public static final String ROLES_CLAIM = "roles";

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      ObjectMapper json,
      List<ChannelErrors> channels,
      SecurityEventAudit securityEvents)
      throws Exception {
    AuthenticationEntryPoint unauthenticated =
        RefusalAudit.audited(Problems.unauthenticated(json, channels), securityEvents);
    AccessDeniedHandler forbidden =
        RefusalAudit.audited(Problems.forbidden(json, channels), securityEvents);
    http.csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/api/v1/schemas/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/", "/api/v1/docs/**", "/webjars/**")
                    .permitAll()
                    .requestMatchers("/demo/token")
                    .permitAll()
                    // demo profile only: what the simulated national systems received
                    .requestMatchers(HttpMethod.GET, "/demo/simulators/**")
                    .permitAll()
                    .requestMatchers("/api/v1/audit/**")
                    .hasRole(Caller.AUDITOR)
                    .requestMatchers("/api/v1/operations/**")
                    .hasRole(Caller.OPERATOR)
                    .requestMatchers(HttpMethod.GET, "/api/v1/agencies")
                    .authenticated()
                    .requestMatchers("/api/v1/**")
                    .hasRole(Caller.AGENCY)
                    // the SOAP channel: its WSDL and XSD (GET ?wsdl, ?xsd=) are public
                    .requestMatchers(HttpMethod.GET, SoapChannelRoutes.PATH)
                    .permitAll()
                    .requestMatchers(SoapChannelRoutes.PATH)
                    .hasRole(Caller.AGENCY)
                    // SOAP endpoints of national systems that push (CXF servlet); the system's
                    // agency is checked against the token when the message is taken in
                    .requestMatchers("/services/national/**")
                    .hasRole(Caller.AGENCY)
                    // FHIR channel: the CapabilityStatement is public; $validate serves anyone
                    // with a token (it stores and discloses nothing); the rest is for agencies
                    .requestMatchers(HttpMethod.GET, "/fhir/metadata")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.POST, "/fhir/Bundle/$validate", "/fhir/Consent/$validate")
                    .authenticated()
                    .requestMatchers("/fhir/**")
                    .hasRole(Caller.AGENCY)
                    .anyRequest()
                    .denyAll())
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

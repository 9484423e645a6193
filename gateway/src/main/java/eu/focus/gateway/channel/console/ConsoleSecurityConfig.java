package eu.focus.gateway.channel.console;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.SecurityEventAudit;
import eu.focus.gateway.security.Caller;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * The console's own filter chain, ahead of the JWT API chain: people sign in with a form and keep a
 * session (a browser cannot carry a bearer token without JavaScript), so this chain has CSRF
 * protection, which the stateless API chain does not need. Only AUDITOR may enter; anyone else who
 * signs in sees a refusal page. Users come from configuration ({@link ConsoleUsers}); a production
 * deployment would put OIDC here instead (docs/auditor-console.md).
 */
@Configuration
@ConditionalOnConsole
public class ConsoleSecurityConfig {

  /** No script may run and no style may come from elsewhere: the pages need neither. */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain console(
      HttpSecurity http, ConsoleProperties properties, SecurityEventAudit events) throws Exception {
    DaoAuthenticationProvider passwords =
        new DaoAuthenticationProvider(new ConsoleUsers(properties));
    // {bcrypt}…, {argon2}…: the hash says how it was made, so hashes can be upgraded over time
    passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    http.securityMatcher("/console/**")
        .authenticationManager(new ProviderManager(passwords))
        .authorizeHttpRequests(
            a ->
                a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/console/login", "/console/console.css")
                    .permitAll()
                    .anyRequest()
                    .hasRole(Caller.AUDITOR))
        .formLogin(
            f ->
                f.loginPage("/console/login")
                    .loginProcessingUrl("/console/login")
                    .defaultSuccessUrl("/console", false)
                    .failureHandler(failedSignIn(events)))
        .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
        .exceptionHandling(e -> e.accessDeniedHandler(refused(events)))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
    return http.build();
  }

  /**
   * A failed sign-in is a security event (question 9) like a refused token: AUTH_FAILED, channel
   * CONSOLE, throttled with the others. The name typed is not recorded: it may be a person's.
   */
  private static AuthenticationFailureHandler failedSignIn(SecurityEventAudit events) {
    SimpleUrlAuthenticationFailureHandler page =
        new SimpleUrlAuthenticationFailureHandler("/console/login?error");
    return (request, response, ex) -> {
      events.authFailed(ConsoleAudit.CHANNEL, "POST /console/login");
      page.onAuthenticationFailure(request, response, ex);
    };
  }

  /** A signed-in user without the AUDITOR role (or a request without its CSRF token). */
  private static AccessDeniedHandler refused(SecurityEventAudit events) {
    AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
    page.setErrorPage("/console/denied");
    return (request, response, ex) -> {
      Authentication who = SecurityContextHolder.getContext().getAuthentication();
      boolean signedIn =
          who != null && who.isAuthenticated() && !"anonymousUser".equals(who.getName());
      String role =
          !signedIn
              ? null
              : who.getAuthorities().stream()
                  .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                  .findFirst()
                  .orElse(null);
      events.refused(
          AuditAction.ACCESS_DENIED,
          null,
          signedIn ? who.getName() : null,
          role,
          ConsoleAudit.CHANNEL,
          request.getMethod() + " " + request.getRequestURI(),
          "AUTH-ROLE-REQUIRED");
      page.handle(request, response, ex);
    };
  }
}

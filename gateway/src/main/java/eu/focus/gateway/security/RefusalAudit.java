package eu.focus.gateway.security;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.SecurityEventAudit;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Puts the security filters' refusals in the audit log (docs/domain.md, auditor question 9) before
 * they are answered: a 401 as AUTH_FAILED, a 403 as ACCESS_DENIED with who was refused. Only the
 * channel, method and path (no query string: it may carry personal filters) are recorded.
 */
final class RefusalAudit {

  private RefusalAudit() {}

  static AuthenticationEntryPoint audited(
      AuthenticationEntryPoint refusal, SecurityEventAudit events, List<ChannelAccess> channels) {
    return (request, response, ex) -> {
      events.authFailed(channel(request, channels), request(request));
      refusal.commence(request, response, ex);
    };
  }

  static AccessDeniedHandler audited(
      AccessDeniedHandler refusal, SecurityEventAudit events, List<ChannelAccess> channels) {
    return (request, response, ex) -> {
      Caller caller = null;
      try {
        caller = CallerArgumentResolver.current();
      } catch (IllegalStateException notAJwt) {
        // recorded without a caller
      }
      events.refused(
          AuditAction.ACCESS_DENIED,
          caller == null ? null : caller.agencyId(),
          caller == null ? null : caller.person(),
          caller == null ? null : caller.primaryRole(),
          channel(request, channels),
          request(request),
          "AUTH-ROLE-REQUIRED");
      refusal.handle(request, response, ex);
    };
  }

  /** The channel the request was addressed to; REST when no channel claims it. */
  static String channel(HttpServletRequest request, List<ChannelAccess> channels) {
    for (ChannelAccess c : channels) {
      String name = c.channelOf(request);
      if (name != null) {
        return name;
      }
    }
    return "REST";
  }

  /** Method and path, cut to a length the reason column holds; no query string. */
  static String request(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (path.length() > 200) {
      path = path.substring(0, 200) + "...";
    }
    return request.getMethod() + " " + path;
  }
}

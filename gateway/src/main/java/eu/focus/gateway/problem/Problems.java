package eu.focus.gateway.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The one error shape of the REST channel: RFC 9457 {@code application/problem+json} with {@code
 * type, title, status, detail, instance}, plus {@code rule} (on 403) and {@code errors} (JSON
 * pointers, on 422). Used by the MVC advice and by the security filters alike.
 */
public final class Problems {

  public static final String TYPE_BASE = "https://focus-gateway.eu/problems/";
  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  public static ObjectNode body(
      ObjectMapper json,
      HttpStatus status,
      String code,
      String detail,
      String instance,
      String rule,
      List<Violation> errors) {
    ObjectNode p = json.createObjectNode();
    p.put("type", TYPE_BASE + code);
    p.put("title", status.getReasonPhrase());
    p.put("status", status.value());
    if (detail != null) {
      p.put("detail", detail);
    }
    if (instance != null) {
      p.put("instance", instance);
    }
    if (rule != null) {
      p.put("rule", rule);
    }
    if (errors != null && !errors.isEmpty()) {
      ArrayNode arr = p.putArray("errors");
      for (Violation v : errors) {
        arr.addObject().put("pointer", v.pointer()).put("message", v.message());
      }
    }
    return p;
  }

  static void write(
      HttpServletResponse response, ObjectMapper json, HttpStatus status, ObjectNode body)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }

  /** 401 for a missing, expired or badly signed token. */
  public static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
    return unauthenticated(json, List.of());
  }

  /** 401, in the shape of the channel the request was addressed to. */
  public static AuthenticationEntryPoint unauthenticated(
      ObjectMapper json, List<ChannelErrors> channels) {
    return (request, response, ex) -> {
      response.setHeader("WWW-Authenticate", "Bearer");
      refuse(
          request,
          response,
          json,
          channels,
          HttpStatus.UNAUTHORIZED,
          "unauthenticated",
          "A valid bearer token is required",
          null);
    };
  }

  /** 403 when the token is valid but its roles do not allow the call. */
  public static AccessDeniedHandler forbidden(ObjectMapper json) {
    return forbidden(json, List.of());
  }

  /** 403, in the shape of the channel the request was addressed to. */
  public static AccessDeniedHandler forbidden(ObjectMapper json, List<ChannelErrors> channels) {
    return (request, response, ex) ->
        refuse(
            request,
            response,
            json,
            channels,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Your roles do not allow this call",
            "AUTH-ROLE-REQUIRED");
  }

  /**
   * Writes a refusal that no controller saw: through the channel that serves the request when one
   * claims it, else as a problem document.
   */
  public static void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      ObjectMapper json,
      List<ChannelErrors> channels,
      HttpStatus status,
      String code,
      String detail,
      String rule)
      throws IOException {
    for (ChannelErrors channel : channels) {
      if (channel.serves(request)) {
        channel.write(request, response, status, code, detail, rule);
        return;
      }
    }
    write(
        response,
        json,
        status,
        body(json, status, code, detail, request.getRequestURI(), rule, null));
  }
}

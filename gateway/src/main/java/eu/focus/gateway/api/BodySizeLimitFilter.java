package eu.focus.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.gateway.config.FocusProperties;
import eu.focus.gateway.soap.FocusFault;
import eu.focus.gateway.soap.SoapChannelRoutes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code focus.api.max-body-size} with 413 before anything reads them:
 * by Content-Length when declared, and by counting when the body is chunked. On the SOAP channel's
 * path the refusal is a SOAP Fault, the shape a SOAP client understands.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final ObjectMapper json;

  public BodySizeLimitFilter(FocusProperties props, ObjectMapper json) {
    this.limit = props.api().maxBodySize().toBytes();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(request, response);
      return;
    }
    if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
      byte[] body =
          request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
      if (body.length > limit) {
        tooLarge(request, response);
        return;
      }
      chain.doFilter(new BufferedRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String detail = "The request body is larger than " + limit + " bytes";
    if (request.getRequestURI().startsWith(SoapChannelRoutes.PATH)) {
      FocusFault.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", detail).writeTo(response);
      return;
    }
    Problems.write(
        response,
        json,
        HttpStatus.PAYLOAD_TOO_LARGE,
        Problems.body(
            json,
            HttpStatus.PAYLOAD_TOO_LARGE,
            "too-large",
            detail,
            request.getRequestURI(),
            null,
            null));
  }

  private static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public boolean isFinished() {
          return false;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}

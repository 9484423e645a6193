package eu.focus.gateway.channel.soap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests the SOAP channel answers with a SOAP Fault, with and without a context path. */
class SoapChannelErrorsTest {

  private final SoapChannelErrors errors = new SoapChannelErrors();

  private static MockHttpServletRequest request(String contextPath, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", contextPath + path);
    request.setContextPath(contextPath);
    return request;
  }

  @Test
  void servesTheEndpointWithoutAContextPath() {
    assertThat(errors.serves(request("", "/services/focus/v1/exchange"))).isTrue();
    assertThat(errors.serves(request("", "/services/focus/v1/exchange/sub"))).isTrue();
    assertThat(errors.serves(request("", "/api/v1/exchanges"))).isFalse();
    assertThat(errors.serves(request("", "/services/focus/v1/exchanges"))).isFalse();
  }

  @Test
  void servesTheEndpointUnderAContextPath() {
    assertThat(errors.serves(request("/gateway", "/services/focus/v1/exchange"))).isTrue();
    assertThat(errors.serves(request("/gateway", "/services/focus/v1/exchange/sub"))).isTrue();
    assertThat(errors.serves(request("/gateway", "/api/v1/exchanges"))).isFalse();
    // the path without its context path is not the endpoint
    assertThat(errors.serves(request("/services", "/focus/v1/exchange"))).isFalse();
  }
}

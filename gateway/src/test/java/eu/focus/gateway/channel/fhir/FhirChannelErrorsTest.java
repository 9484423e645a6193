package eu.focus.gateway.channel.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Which requests the FHIR channel answers with an OperationOutcome, with and without a context
 * path.
 */
class FhirChannelErrorsTest {

  private final FhirChannelErrors errors = new FhirChannelErrors(FhirContext.forR4Cached());

  private static MockHttpServletRequest request(String contextPath, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", contextPath + path);
    request.setContextPath(contextPath);
    return request;
  }

  @Test
  void servesFhirWithoutAContextPath() {
    assertThat(errors.serves(request("", "/fhir"))).isTrue();
    assertThat(errors.serves(request("", "/fhir/Bundle"))).isTrue();
    assertThat(errors.serves(request("", "/fhirx"))).isFalse();
    assertThat(errors.serves(request("", "/api/v1/exchanges"))).isFalse();
  }

  @Test
  void servesFhirUnderAContextPath() {
    assertThat(errors.serves(request("/gateway", "/fhir"))).isTrue();
    assertThat(errors.serves(request("/gateway", "/fhir/Bundle"))).isTrue();
    assertThat(errors.serves(request("/gateway", "/api/v1/exchanges"))).isFalse();
    // the path without its context path is not the channel
    assertThat(errors.serves(request("/fhir", "/Bundle"))).isFalse();
  }
}

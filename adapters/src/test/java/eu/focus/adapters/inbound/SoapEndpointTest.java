package eu.focus.adapters.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.focus.adapters.connector.ConnectorRegistry;
import eu.focus.adapters.connector.ConnectorSpec;
import eu.focus.demo.simulator.CxfServletServer;
import eu.focus.demo.simulator.SoapSystemSimulator;
import jakarta.xml.ws.WebServiceException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.cxf.Bus;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SoapEndpointTest {

  static final String WSDL =
      SoapEndpointTest.class.getResource("/wsdl/assessment-exchange.wsdl").toString();
  static final String NS = "urn:example:national:assessment:1";
  static final String SERVICE = "{" + NS + "}AssessmentService";
  static final String PORT = "{" + NS + "}AssessmentPort";
  static final String PAYLOAD =
      "<submitAssessment xmlns=\""
          + NS
          + "\"><caseReference>NL-RK-2026-0310</caseReference>"
          + "<summary>Lives with his grandmother; attends vocational school.</summary>"
          + "</submitAssessment>";

  private final RecordingInbox inbox = new RecordingInbox();
  private CxfServletServer http;
  private DefaultCamelContext camel;
  private String url;

  @BeforeEach
  void start() throws Exception {
    camel = new DefaultCamelContext();
    camel.getRegistry().bind("inbox", NationalInbox.class, inbox);
    camel.addRoutes(new SoapEndpointTemplate());
    camel.start();
    new ConnectorRegistry(camel)
        .registerInbound(
            new ConnectorSpec(
                "nl-test",
                SoapEndpointTemplate.TEMPLATE_ID,
                Map.of(
                    "wsdlUrl", WSDL,
                    "serviceName", SERVICE,
                    "portName", PORT,
                    "address", "/national/nl-test",
                    "ackTemplate",
                        "<submitAssessmentResponse xmlns=\""
                            + NS
                            + "\"><receiptNumber>{exchangeId}</receiptNumber>"
                            + "</submitAssessmentResponse>")));
    // stands in for the application's CXF servlet (under Spring Boot, camel-cxf uses the
    // application's bus, served at /services): serves the endpoint's relative address
    Bus bus =
        camel.getEndpoints().stream()
            .filter(CxfEndpoint.class::isInstance)
            .map(e -> ((CxfEndpoint) e).getBus())
            .findFirst()
            .orElseThrow();
    http = new CxfServletServer(bus, 0);
    http.start();
    url = http.baseUrl() + "/national/nl-test";
  }

  @AfterEach
  void stop() {
    camel.stop();
    http.close();
  }

  @Test
  void handsThePushedPayloadToTheInboxAndAcknowledgesWithTheExchangeId() {
    String ack = SoapSystemSimulator.push(WSDL, SERVICE, PORT, url, PAYLOAD);

    assertThat(inbox.handed).hasSize(1);
    RecordingInbox.Handed got = inbox.handed.get(0);
    assertThat(got.systemId()).isEqualTo("nl-test");
    assertThat(got.payload())
        .contains("<caseReference>NL-RK-2026-0310</caseReference>")
        .contains("vocational school");
    assertThat(got.messageId()).isEqualTo(SoapInboxStep.digest(got.payload()));
    // the exchange id RecordingInbox gives an accepted message
    assertThat(ack)
        .contains("<receiptNumber>ex-" + got.messageId().hashCode() + "</receiptNumber>");
  }

  @Test
  void takesTheWsAddressingMessageIdAsMessageId() throws Exception {
    HttpResponse<String> answer =
        post(
            envelope(
                "<wsa:MessageID xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                    + "urn:uuid:6f1c2a9e-5d7b-4c1e-9a63-2b8f0e4d7c11</wsa:MessageID>",
                PAYLOAD));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(inbox.handed)
        .singleElement()
        .extracting(RecordingInbox.Handed::messageId)
        .isEqualTo("urn:uuid:6f1c2a9e-5d7b-4c1e-9a63-2b8f0e4d7c11");
  }

  @Test
  void answersARefusalWithAClientFaultListingEveryError() throws Exception {
    inbox.answer(
        r -> {
          throw new InboxRejectedException(
              "MAPPING-FAILED",
              "The message cannot be mapped",
              List.of(
                  "nl-test: leeftijdscategorie = 'X9': unknown code",
                  "nl-test: datumBeoordeling missing"));
        });

    HttpResponse<String> answer = post(envelope("", PAYLOAD));

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body())
        .containsPattern("<faultcode>[a-z0-9]+:Client</faultcode>")
        .contains("<faultstring>The message cannot be mapped</faultstring>")
        .contains("<code>MAPPING-FAILED</code>")
        .contains("<error>nl-test: leeftijdscategorie = 'X9': unknown code</error>")
        .contains("<error>nl-test: datumBeoordeling missing</error>");
  }

  @Test
  void aRefusalReachesADispatchClientAsSoapFault() {
    inbox.answer(
        r -> {
          throw new InboxRejectedException("VALIDATION-FAILED", "Invalid", List.of("one"));
        });

    assertThatThrownBy(() -> SoapSystemSimulator.push(WSDL, SERVICE, PORT, url, PAYLOAD))
        .isInstanceOf(WebServiceException.class)
        .cause()
        .isInstanceOfSatisfying(
            SoapFault.class,
            f -> {
              assertThat(f.getFaultCode().getLocalPart()).isEqualTo("Client");
              assertThat(f.getMessage()).isEqualTo("Invalid");
            });
  }

  @Test
  void answersAnInternalFailureWithAServerFaultThatRevealsNothing() throws Exception {
    inbox.answer(
        r -> {
          throw new IllegalStateException("jdbc:postgresql://db-internal:5432/focus unavailable");
        });

    HttpResponse<String> answer = post(envelope("", PAYLOAD));

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body())
        .containsPattern("<faultcode>[a-z0-9]+:Server</faultcode>")
        .doesNotContain("db-internal")
        .doesNotContain("IllegalStateException")
        .doesNotContain("at eu.focus");
  }

  @Test
  void refusesAnExternalEntityAndNeverCallsTheInbox() throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE e [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
            + envelope(
                "",
                "<submitAssessment xmlns=\""
                    + NS
                    + "\"><caseReference>&secret;</caseReference></submitAssessment>");

    HttpResponse<String> answer = post(xxe);

    assertThat(answer.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(answer.body()).doesNotContain("root:");
    assertThat(inbox.handed).isEmpty();
  }

  @Test
  void refusesEntityExpansionAndNeverCallsTheInbox() throws Exception {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE e [<!ENTITY l0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"");
      dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>\n");
    String laughs =
        "<?xml version=\"1.0\"?>\n"
            + dtd
            + envelope(
                "",
                "<submitAssessment xmlns=\""
                    + NS
                    + "\"><caseReference>&l9;</caseReference></submitAssessment>");

    HttpResponse<String> answer = post(laughs);

    assertThat(answer.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(answer.body()).doesNotContain("lollol");
    assertThat(inbox.handed).isEmpty();
  }

  private static String envelope(String headers, String body) {
    return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + "<soap:Header>"
        + headers
        + "</soap:Header><soap:Body>"
        + body
        + "</soap:Body></soap:Envelope>";
  }

  private HttpResponse<String> post(String xml) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "text/xml; charset=UTF-8")
            .header("SOAPAction", "\"" + NS + ":submitAssessment\"")
            .POST(HttpRequest.BodyPublishers.ofString(xml))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}

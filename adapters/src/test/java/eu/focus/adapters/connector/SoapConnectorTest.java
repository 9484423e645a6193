package eu.focus.adapters.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.focus.demo.simulator.SoapSystemSimulator;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SoapConnectorTest {

  static final String WSDL =
      SoapConnectorTest.class.getResource("/wsdl/assessment-exchange.wsdl").toString();
  static final String NS = "urn:example:national:assessment:1";
  static final String SERVICE = "{" + NS + "}AssessmentService";
  static final String PORT = "{" + NS + "}AssessmentPort";
  static final String PAYLOAD =
      "<submitAssessment xmlns=\""
          + NS
          + "\"><caseReference>RO-CJ-2026-0147</caseReference>"
          + "<summary>Attends school regularly; family support is in place.</summary>"
          + "</submitAssessment>";

  private SoapSystemSimulator recipient;
  private DefaultCamelContext camel;
  private ConnectorRegistry registry;

  @BeforeEach
  void start() throws Exception {
    recipient =
        new SoapSystemSimulator(
            WSDL,
            SERVICE,
            PORT,
            0,
            "/assessment",
            "<submitAssessmentResponse xmlns=\""
                + NS
                + "\"><receiptNumber>R-1</receiptNumber></submitAssessmentResponse>");
    recipient.start();
    camel = new DefaultCamelContext();
    camel.addRoutes(new SoapConnectorTemplate());
    camel.start();
    registry = new ConnectorRegistry(camel);
    registry.register(
        new ConnectorSpec(
            "ro-probation",
            SoapConnectorTemplate.TEMPLATE_ID,
            Map.of(
                "endpointUrl",
                recipient.endpointUrl(),
                "wsdlUrl",
                WSDL,
                "serviceName",
                SERVICE,
                "portName",
                PORT,
                "operationName",
                "submitAssessment",
                "timeoutMillis",
                "15000",
                "minimumNumberOfCalls",
                "2",
                "waitInOpenStateSeconds",
                "1")));
  }

  @AfterEach
  void stop() {
    camel.stop();
    recipient.close();
  }

  @Test
  void deliversPayloadWithIdempotencyKey() {
    registry.send("ro-probation", PAYLOAD, "key-1", "ASSESSMENT");

    assertThat(recipient.received()).hasSize(1);
    SoapSystemSimulator.Received got = recipient.received().get(0);
    assertThat(got.idempotencyKey()).isEqualTo("key-1");
    assertThat(got.payload())
        .contains("<caseReference>RO-CJ-2026-0147</caseReference>")
        .contains("Attends school regularly");
  }

  @Test
  void reportsASoapFaultAsFailure() {
    recipient.answerWithFault("caseReference unknown");

    assertThatThrownBy(() -> registry.send("ro-probation", PAYLOAD, "key-2", "ASSESSMENT"))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.circuitOpen()).isFalse();
              assertThat(e.getMessage()).contains("caseReference unknown");
            });
    assertThat(recipient.received()).hasSize(1);
  }

  @Test
  void opensTheCircuitWhileTheRecipientIsDownAndDeliversWhenItIsBack() {
    recipient.stop();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> registry.send("ro-probation", PAYLOAD, "key-3", "ASSESSMENT"))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.circuitOpen()).isFalse());
    }
    assertThatThrownBy(() -> registry.send("ro-probation", PAYLOAD, "key-3", "ASSESSMENT"))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.circuitOpen()).isTrue());

    recipient.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(ConnectorException.class)
        .untilAsserted(() -> registry.send("ro-probation", PAYLOAD, "key-3", "ASSESSMENT"));
    assertThat(recipient.received())
        .singleElement()
        .extracting(SoapSystemSimulator.Received::idempotencyKey)
        .isEqualTo("key-3");
  }
}

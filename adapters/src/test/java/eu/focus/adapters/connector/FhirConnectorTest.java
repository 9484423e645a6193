package eu.focus.adapters.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.focus.demo.simulator.FhirServerSimulator;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FhirConnectorTest {

  private static final String TRANSACTION =
      """
      {"resourceType":"Bundle","type":"transaction","entry":[
        {"fullUrl":"urn:uuid:6f1c2a9e-1b7d-4c55-9a61-3f0e8c2d4b10",
         "resource":{"resourceType":"Patient","name":[{"family":"Horváth","given":["Lili"]}],
                     "birthDate":"2012-03-14"},
         "request":{"method":"POST","url":"Patient"}},
        {"resource":{"resourceType":"Composition","status":"final","title":"Egyéni értékelés",
                     "type":{"text":"individual assessment"},"date":"2026-11-20",
                     "subject":{"reference":"urn:uuid:6f1c2a9e-1b7d-4c55-9a61-3f0e8c2d4b10"},
                     "author":[{"display":"Pártfogó Felügyelői Szolgálat"}]},
         "request":{"method":"POST","url":"Composition"}}]}
      """;

  private FhirServerSimulator server;
  private DefaultCamelContext camel;
  private ConnectorRegistry registry;

  @BeforeEach
  void start() throws Exception {
    server = new FhirServerSimulator();
    server.start();
    camel = new DefaultCamelContext();
    camel.addRoutes(new FhirConnectorTemplate());
    camel.start();
    registry = new ConnectorRegistry(camel);
    registry.register(
        new ConnectorSpec(
            "hu-probation",
            FhirConnectorTemplate.TEMPLATE_ID,
            Map.of(
                "serverUrl", server.baseUrl(),
                "bearerToken", "token-from-secret",
                "timeoutMillis", "3000",
                "minimumNumberOfCalls", "2",
                "waitInOpenStateSeconds", "1")));
  }

  @AfterEach
  void stop() {
    camel.stop();
    server.close();
  }

  @Test
  void postsTransactionToServerBaseWithIdempotencyKey() {
    registry.send("hu-probation", TRANSACTION, "key-7", "ASSESSMENT");

    assertThat(server.received()).hasSize(1);
    FhirServerSimulator.Received got = server.received().get(0);
    assertThat(got.interaction()).isEqualTo("transaction");
    assertThat(got.idempotencyKey()).isEqualTo("key-7");
    assertThat(got.authorization()).isEqualTo("Bearer token-from-secret");
    assertThat(server.stored("Patient")).singleElement().asString().contains("Horváth");
    // the Composition's subject was rewritten from the urn:uuid to the stored Patient
    assertThat(server.stored("Composition"))
        .singleElement()
        .asString()
        .contains("Patient/")
        .doesNotContain("urn:uuid");
  }

  @Test
  void createsAnyOtherResource() {
    registry.send(
        "hu-probation",
        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"needs\"}}",
        "key-8",
        "ASSESSMENT");

    assertThat(server.received())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.interaction()).isEqualTo("create");
              assertThat(r.idempotencyKey()).isEqualTo("key-8");
            });
    assertThat(server.stored("Observation")).hasSize(1);
  }

  @Test
  void reportsServerRefusalAsFailure() {
    // a transaction entry the server cannot process: answered 400 with an OperationOutcome
    String bad =
        """
        {"resourceType":"Bundle","type":"transaction","entry":[
          {"request":{"method":"DELETE","url":"Patient/1"}}]}
        """;
    assertThatThrownBy(() -> registry.send("hu-probation", bad, "k", "ASSESSMENT"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("400");
  }

  @Test
  void refusesABodyThatIsNotFhir() {
    assertThatThrownBy(() -> registry.send("hu-probation", "{\"a\":1}", "k", "ASSESSMENT"))
        .isInstanceOf(ConnectorException.class);
    assertThat(server.received()).isEmpty();
  }

  @Test
  void opensCircuitWhenServerIsDownAndDeliversAfterItReturns() {
    server.stop();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> registry.send("hu-probation", TRANSACTION, "k1", "ASSESSMENT"))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.circuitOpen()).isFalse());
    }
    assertThatThrownBy(() -> registry.send("hu-probation", TRANSACTION, "k1", "ASSESSMENT"))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.circuitOpen()).isTrue());

    server.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .untilAsserted(() -> registry.send("hu-probation", TRANSACTION, "k1", "ASSESSMENT"));
    assertThat(server.received())
        .singleElement()
        .extracting(r -> r.idempotencyKey())
        .isEqualTo("k1");
    assertThat(server.stored("Patient")).hasSize(1);
  }
}

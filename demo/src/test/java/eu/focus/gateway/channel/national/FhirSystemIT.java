package eu.focus.gateway.channel.national;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.demo.simulator.FhirServerSimulator;
import eu.focus.gateway.support.Examples;
import eu.focus.gateway.support.GatewayIT;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The FHIR connector types against a real HAPI FHIR server playing the Hungarian probation service
 * (the demo's {@code hu-probation} system file, unchanged): the gateway polls the server for the
 * service's Bundles and takes each in once; it delivers to the service as a FHIR transaction; and
 * while the server is down the circuit opens and the record waits, to be delivered when it returns.
 */
class FhirSystemIT extends GatewayIT {

  private static String huMessage() {
    return Examples.nationalMessage("hu-probation", "full-suspect-environmental-study");
  }

  private ObjectNode toHungarianProbation() {
    ObjectNode s = freshSubmission("10");
    s.putArray("recipients").add("hu-probation");
    return s;
  }

  @Test
  void takesInABundlePublishedOnTheServiceFhirServerOnce() throws Exception {
    String bundle = huMessage();
    long before = count("exchange");

    FHIR.publish(bundle);

    JsonNode collected =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    get(
                            "/api/v1/audit/entries?action=COLLECTED&agency=hu-probation",
                            roleToken("AUDITOR"))
                        .json()
                        .path("entries"),
                entries -> entries.size() > 0 && count("exchange") > before);
    assertThat(collected.get(0).path("channel").asText()).isEqualTo("NATIONAL");
    String messageId =
        jdbc.sql("select message_id from national_message where system_id = 'hu-probation'")
            .query(String.class)
            .list()
            .get(0);
    assertThat(messageId).startsWith("Bundle/").contains("/_history/");
    // later polls see the same Bundle version again only as a duplicate: one exchange
    Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> count("exchange") == before + 1);
  }

  @Test
  void deliversATransactionBundleAndAfterAnOutageDeliversWhatWaited() {
    Response ok = post("/api/v1/exchanges", agencyToken("ro-probation"), toHungarianProbation());
    assertThat(ok.json().at("/decisions/0/decision").asText()).as(ok.text()).isEqualTo("PERMIT");
    awaitDeliveryStatus(ok.json().at("/decisions/0/deliveryId").asText(), "DELIVERED");
    List<FhirServerSimulator.Received> received = FHIR.received();
    FhirServerSimulator.Received last = received.get(received.size() - 1);
    assertThat(last.resourceJson()).contains("\"transaction\"").contains("Patient");
    assertThat(last.idempotencyKey()).isNotBlank();

    FHIR.stop();
    try {
      ObjectNode waiting = toHungarianProbation();
      Response r = post("/api/v1/exchanges", agencyToken("ro-probation"), waiting);
      String deliveryId = r.json().at("/decisions/0/deliveryId").asText();
      awaitCircuitOpen(deliveryId);
      int attempts = ((Number) deliveryRow(deliveryId).get("attempts")).intValue();
      assertThat(attempts).as("attempts spent before the circuit opened").isLessThan(4);
      FHIR.start();
      awaitDeliveryStatus(deliveryId, "DELIVERED");
      assertThat(FHIR.received().stream().map(FhirServerSimulator.Received::resourceJson))
          .anyMatch(json -> json.contains(waiting.at("/record/recordId").asText()));
    } finally {
      FHIR.start();
    }
  }
}

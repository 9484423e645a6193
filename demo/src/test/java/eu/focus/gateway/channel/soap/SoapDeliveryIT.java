package eu.focus.gateway.channel.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractValidator;
import eu.focus.contract.xml.ContractXml;
import eu.focus.contract.xml.ContractXsd;
import eu.focus.demo.simulator.SoapSystemSimulator;
import eu.focus.gateway.support.GatewayIT;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An agency on a soap-connector without a mapping (the demo's nl-police) receives contract v1
 * itself: a DeliverAssessment call whose body is the delivery message as contract XML.
 */
class SoapDeliveryIT extends GatewayIT {

  private static final ContractXml XML = ContractXml.load();

  @Test
  void aSoapRecipientWithoutMappingReceivesTheDeliveryMessageAsContractXml() {
    ObjectNode submission = freshSubmission("07"); // be-police -> nl-police
    String recordId = submission.at("/record/recordId").asText();
    Response accepted = post("/api/v1/exchanges", agencyToken("be-police"), submission);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    JsonNode decision = accepted.json().path("decisions").get(0);
    assertThat(decision.path("recipient").asText()).isEqualTo("nl-police");
    assertThat(decision.path("decision").asText()).isEqualTo("PERMIT");
    String deliveryId = decision.path("deliveryId").asText();

    SoapSystemSimulator.Received received =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    CONTRACT_SOAP.received().stream()
                        .filter(r -> r.payload().contains(recordId))
                        .toList(),
                l -> !l.isEmpty())
            .get(0);
    awaitDeliveryStatus(deliveryId, "DELIVERED");

    assertThat(ContractXsd.load().validate(received.payload())).isEmpty();
    JsonNode message = XML.fromXml(ContractDocument.DELIVERY_MESSAGE, received.payload());
    assertThat(ContractValidator.load().validate(ContractDocument.DELIVERY_MESSAGE, message))
        .isEmpty();
    assertThat(message.path("deliveryId").asText()).isEqualTo(deliveryId);
    assertThat(message.path("destinationAgency").asText()).isEqualTo("nl-police");
    assertThat(message.path("kind").asText()).isEqualTo("ASSESSMENT");
    assertThat(received.idempotencyKey()).isEqualTo(message.path("idempotencyKey").asText());
    assertThat(message.path("withheldClasses")).isEqualTo(decision.path("withheldClasses"));
    // the same minimised record the recipient reads back over REST
    Response view = get("/api/v1/records/" + recordId, agencyToken("nl-police"));
    assertThat(view.status()).as(view.text()).isEqualTo(200);
    assertThat(message.path("record")).isEqualTo(view.json().path("record"));
    assertThat(message.path("record").has("child")).isTrue();
    assertThat(List.of(received.payload())).allMatch(p -> p.contains("urn:eu:focus:contract:v1"));
  }
}

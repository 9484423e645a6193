package eu.focus.gateway.channel.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.demo.simulator.SoapSystemSimulator;
import eu.focus.gateway.support.Examples;
import eu.focus.gateway.support.GatewayIT;
import jakarta.xml.ws.WebServiceException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SOAP connector types against a CXF server publishing the Dutch Raad's own WSDL (the demo's
 * {@code nl-raad} system file, unchanged): the Raad pushes a report to the gateway's endpoint
 * generated from that WSDL and gets an acknowledgement with the exchange id, or a SOAP Fault naming
 * every error with nothing stored; the gateway delivers to the Raad's service in Dutch XML; and
 * while the service is down the circuit opens and the record waits, to be delivered when it
 * returns.
 */
class SoapSystemIT extends GatewayIT {

  private static final String WSDL =
      SoapSystemIT.class
          .getClassLoader()
          .getResource("focus/mappings/nl-raad/wsdl/raad-berichten.wsdl")
          .toString();
  private static final String SERVICE = "{urn:nl:rvdk:berichten:v1}RaadBerichtenService";
  private static final String PORT = "{urn:nl:rvdk:berichten:v1}RaadBerichtenPort";

  private String push(String payload, String agency) {
    return SoapSystemSimulator.push(
        WSDL,
        SERVICE,
        PORT,
        "http://127.0.0.1:" + port + "/services/national/nl-raad",
        payload.replaceFirst("<\\?xml[^>]*\\?>", ""),
        Map.of("Authorization", "Bearer " + agencyToken(agency)));
  }

  @Test
  void takesInAReportPushedByTheRaadAndAcknowledgesWithTheExchangeId() {
    long before = count("exchange");

    String ack = push(Examples.nationalMessage("nl-raad", "minimal-halt-suspect"), "nl-raad");

    assertThat(ack).contains("Ontvangstbevestiging").contains("status=\"ONTVANGEN\"");
    String exchangeId =
        jdbc.sql("select exchange_id from exchange order by created_at desc")
            .query(String.class)
            .list()
            .get(0);
    assertThat(ack).contains(exchangeId);
    assertThat(count("exchange")).isEqualTo(before + 1);
  }

  @Test
  void answersAnUnmappableReportWithAFaultNamingEveryErrorAndStoresNothing() {
    Map<String, Long> before = counts();

    assertThatThrownBy(
            () ->
                push(
                    Examples.nationalMessage("nl-raad", "error-unknown-and-unmapped-codes"),
                    "nl-raad"))
        .isInstanceOf(WebServiceException.class)
        .hasMessageContaining("nl-raad message cannot be mapped");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void refusesAPushWithATokenOfAnotherAgency() {
    Map<String, Long> before = counts();

    assertThatThrownBy(
            () -> push(Examples.nationalMessage("nl-raad", "minimal-halt-suspect"), "gr-police"))
        .isInstanceOf(WebServiceException.class)
        .hasMessageContaining("nl-raad");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void deliversDutchXmlAndAfterAnOutageDeliversWhatWaited() {
    ObjectNode first = freshSubmission("01");
    first.putArray("recipients").add("nl-raad");
    Response ok = post("/api/v1/exchanges", agencyToken("ro-police"), first);
    assertThat(ok.json().at("/decisions/0/decision").asText()).as(ok.text()).isEqualTo("PERMIT");
    awaitDeliveryStatus(ok.json().at("/decisions/0/deliveryId").asText(), "DELIVERED");
    assertThat(SOAP.received())
        .anySatisfy(
            r -> {
              assertThat(r.payload())
                  .contains("Raadsrapportage")
                  .contains("urn:nl:rvdk:berichten:v1");
              assertThat(r.idempotencyKey()).isNotBlank();
            });

    SOAP.stop();
    try {
      ObjectNode waiting = freshSubmission("01");
      waiting.putArray("recipients").add("nl-raad");
      Response r = post("/api/v1/exchanges", agencyToken("ro-police"), waiting);
      String deliveryId = r.json().at("/decisions/0/deliveryId").asText();
      awaitCircuitOpen(deliveryId);
      SOAP.start();
      awaitDeliveryStatus(deliveryId, "DELIVERED");
      String recordId = waiting.at("/record/recordId").asText();
      assertThat(SOAP.received()).anyMatch(x -> x.payload().contains(recordId));
    } finally {
      SOAP.start();
    }
  }
}

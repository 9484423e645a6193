package eu.focus.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.support.Examples;
import eu.focus.gateway.support.GatewayIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The integrity check finds an intake kept only in part, as a database that lost part of a
 * transaction in a crash would leave it: here the test removes the parts itself. A complete intake
 * is not reported.
 */
class IntakeIntegrityIT extends GatewayIT {

  @Autowired IntakeIntegrity integrity;
  @Autowired MeterRegistry meters;

  @Test
  void findsAnIntakeWhoseDeliveryOrExchangeIsMissingAndNotACompleteOne() {
    Instant before = Instant.now().minusSeconds(60);
    String complete = submit();
    String withoutDelivery = submit();
    String withoutExchange = submit();
    String exchangeOfWithoutDelivery = exchangeOf(withoutDelivery);
    // What a half-kept transaction would leave: the delivery of one intake, and the exchange
    // (and so its delivery) of another, gone.
    jdbc.sql("delete from delivery where exchange_id = :e")
        .param("e", exchangeOfWithoutDelivery)
        .update();
    String exchangeOfWithoutExchange = exchangeOf(withoutExchange);
    jdbc.sql("delete from delivery where exchange_id = :e")
        .param("e", exchangeOfWithoutExchange)
        .update();
    jdbc.sql("delete from exchange where exchange_id = :e")
        .param("e", exchangeOfWithoutExchange)
        .update();

    List<IntakeIntegrity.Incomplete> found = integrity.check(before);

    assertThat(found)
        .contains(
            new IntakeIntegrity.Incomplete(
                withoutDelivery,
                1,
                exchangeOfWithoutDelivery,
                "the outbox delivery of a permitted recipient"),
            new IntakeIntegrity.Incomplete(withoutExchange, 1, null, "its exchange"));
    assertThat(found).noneMatch(i -> i.recordId().equals(complete));
    assertThat(meters.get("focus.intake.incomplete").gauge().value())
        .isEqualTo((double) found.size());
  }

  private String submit() {
    ObjectNode s = Examples.submission("01");
    String recordId = UUID.randomUUID().toString();
    s.put("messageId", UUID.randomUUID().toString());
    ((ObjectNode) s.get("record")).put("recordId", recordId);
    assertThat(post("/api/v1/exchanges", agencyToken("ro-police"), s).status()).isEqualTo(202);
    return recordId;
  }

  private String exchangeOf(String recordId) {
    return jdbc.sql("select exchange_id from exchange where record_id = :r")
        .param("r", recordId)
        .query(String.class)
        .single();
  }
}

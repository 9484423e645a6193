package eu.focus.gateway.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.outbox.Delivery;
import eu.focus.gateway.policy.Decision;
import eu.focus.gateway.policy.Minimiser;
import eu.focus.gateway.record.ExchangeRow;

/** Builds the contract v1 delivery messages (delivery-message.schema.json) a recipient gets. */
final class Messages {

  private Messages() {}

  static ObjectNode assessment(
      ObjectMapper json,
      Delivery d,
      ExchangeRow exchange,
      Agency sender,
      Agency recipient,
      Decision decision,
      Minimiser.Result minimised) {
    ObjectNode m = envelope(json, d, exchange, sender, recipient);
    ArrayNode handling = m.putArray("handlingConditions");
    if (exchange.handling() != null) {
      for (String h : exchange.handling().split(",")) {
        handling.add(h);
      }
    }
    decision.handlingFlags().forEach(handling::add);
    if (handling.isEmpty()) {
      m.remove("handlingConditions");
    }
    // the decision's NONE classes: everything the minimiser could have dropped
    ArrayNode withheld = m.putArray("withheldClasses");
    decision.withheld().forEach(withheld::add);
    m.set("record", minimised.record());
    return m;
  }

  static ObjectNode revocation(
      ObjectMapper json,
      Delivery d,
      ExchangeRow exchange,
      Agency sender,
      Agency recipient,
      java.time.Instant revokedAt) {
    ObjectNode m = envelope(json, d, exchange, sender, recipient);
    m.putObject("revocation")
        .put("revokedDeliveryId", d.revokesDeliveryId())
        .put("recordId", d.recordId())
        .put("version", d.recordVersion())
        .put("reason", "CONSENT_WITHDRAWN")
        .put("consentId", d.consentId())
        .put("revokedAt", revokedAt.toString());
    return m;
  }

  private static ObjectNode envelope(
      ObjectMapper json, Delivery d, ExchangeRow exchange, Agency sender, Agency recipient) {
    ObjectNode m = json.createObjectNode();
    m.put("contractVersion", "1.0");
    m.put("kind", d.kind().name());
    m.put("deliveryId", d.deliveryId());
    m.put("idempotencyKey", d.idempotencyKey());
    m.put("messageId", exchange.messageId());
    m.put("sourceCountry", sender.country());
    m.put("sourceAgency", exchange.sourceAgency());
    m.put("destinationAgency", recipient.id());
    m.put("destinationCountry", recipient.country());
    m.put("purposeOfUse", exchange.purpose());
    ObjectNode basis = m.putObject("legalBasis").put("basis", exchange.legalBasis());
    if (exchange.transferBasis() != null) {
      basis.put("transferBasis", exchange.transferBasis());
    }
    if (exchange.consentId() != null) {
      m.put("consentRef", exchange.consentId());
    }
    m.put("sentAt", exchange.createdAt().toString());
    return m;
  }
}

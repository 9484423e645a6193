package eu.focus.gateway.outbox;

import eu.focus.gateway.record.ExchangeRow;
import java.time.Instant;
import java.util.List;

/**
 * The sender's view of its exchange: one line per delivery. The REST and SOAP channels answer with
 * it as it is.
 */
public record ExchangeStatus(
    String exchangeId,
    String recordId,
    int version,
    String sourceAgency,
    String purposeOfUse,
    Instant createdAt,
    List<ExchangeStatus.DeliveryStatus> deliveries) {

  /** The view of an exchange and its deliveries; every channel answers with it. */
  static ExchangeStatus of(ExchangeRow e, List<Delivery> deliveries) {
    return new ExchangeStatus(
        e.exchangeId(),
        e.recordId(),
        e.recordVersion(),
        e.sourceAgency(),
        e.purpose(),
        e.createdAt(),
        deliveries.stream().map(DeliveryStatus::of).toList());
  }

  /** One delivery as its sender or an operator sees it. */
  public record DeliveryStatus(
      String deliveryId,
      String recipient,
      String kind,
      String status,
      int attempts,
      String lastError,
      Instant nextAttemptAt,
      Instant deliveredAt) {

    public static DeliveryStatus of(Delivery d) {
      return new DeliveryStatus(
          d.deliveryId(),
          d.recipientAgency(),
          d.kind().name(),
          d.status().name(),
          d.attempts(),
          d.lastError(),
          d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null,
          d.deliveredAt());
    }
  }
}

package eu.focus.gateway.outbox;

import java.time.Instant;

/** One outbox row: a message owed to one recipient. */
public record Delivery(
    String deliveryId,
    String exchangeId,
    String recordId,
    int recordVersion,
    String recipientAgency,
    Kind kind,
    Status status,
    String idempotencyKey,
    String consentId,
    String revokesDeliveryId,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant deliveredAt,
    Instant createdAt) {

  /** What the message carries. */
  public enum Kind {
    /** The minimised assessment record. */
    ASSESSMENT,
    /** A notice that a consent relied on earlier was withdrawn. */
    REVOCATION
  }

  /** Where the delivery stands. */
  public enum Status {
    PENDING,
    DELIVERED,
    CANCELLED,
    DEAD_LETTER
  }
}

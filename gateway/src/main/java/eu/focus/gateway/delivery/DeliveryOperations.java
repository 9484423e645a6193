package eu.focus.gateway.delivery;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.outbox.Delivery;
import eu.focus.gateway.outbox.DeliveryStore;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.record.StoredRecord;
import eu.focus.gateway.security.Caller;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What operators and senders may do with deliveries: list dead letters, replay, see status. */
@Service
public class DeliveryOperations {

  private final DeliveryStore deliveries;
  private final RecordStore records;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  public DeliveryOperations(
      DeliveryStore deliveries,
      RecordStore records,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.deliveries = deliveries;
    this.records = records;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  public List<Delivery> deadLetters() {
    return deliveries.deadLetters();
  }

  /** Re-queues a dead-lettered delivery; audited with the operator's identity. */
  public Delivery replay(Caller operator, String deliveryId) {
    Delivery d =
        deliveries
            .find(deliveryId)
            .orElseThrow(() -> ApiException.notFound("Delivery " + deliveryId));
    if (d.status() != Delivery.Status.DEAD_LETTER) {
      throw ApiException.of(
          HttpStatus.CONFLICT,
          "conflict",
          "Only a dead-lettered delivery can be replayed; this one is " + d.status());
    }
    String subject =
        records
            .find(d.recordId(), d.recordVersion())
            .map(StoredRecord::subjectPseudonym)
            .orElse(null);
    tx.executeWithoutResult(
        s -> {
          if (!deliveries.replay(deliveryId, clock.instant())) {
            throw ApiException.of(HttpStatus.CONFLICT, "conflict", "Delivery changed meanwhile");
          }
          audit.append(
              AuditEvent.of(AuditAction.REPLAYED, "SUCCESS")
                  .actor(null, operator.person(), operator.primaryRole())
                  .record(subject, d.recordId(), d.recordVersion())
                  .recipient(d.recipientAgency(), null)
                  .reason("dead letter replayed by operator"));
        });
    return deliveries.find(deliveryId).orElseThrow();
  }
}

package eu.focus.gateway.retention;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.outbox.Delivery;
import eu.focus.gateway.outbox.DeliveryStore;
import eu.focus.gateway.record.StoredRecord;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * When content is removed, the outbox must not send it afterwards: the gateway stores no message
 * bodies (a delivery is built from the stored version when it is sent), so what is left to stop is
 * every delivery of the version that is pending or dead-lettered (an operator could replay it).
 * Each is cancelled with its own CANCELLED entry, in the caller's transaction. One a worker holds
 * at this moment is left to the worker, which cancels it before its next attempt ({@code
 * DeliveryWorker}).
 */
@Component
class UnsentDeliveries {

  private final DeliveryStore deliveries;
  private final AuditLog audit;
  private final Clock clock;

  UnsentDeliveries(DeliveryStore deliveries, AuditLog audit, Clock clock) {
    this.deliveries = deliveries;
    this.audit = audit;
    this.clock = clock;
  }

  /** Cancels them; returns how many. {@code actor} carries who acts and why (as reason). */
  int cancel(StoredRecord version, AuditEvent actor) {
    Instant now = clock.instant();
    int cancelled = 0;
    for (Delivery d : deliveries.unsentAssessments(version.recordId(), version.version())) {
      if (deliveries.cancelUnsent(d.deliveryId(), now)) {
        cancelled++;
        audit.append(
            actor
                .as(AuditAction.CANCELLED, "SUCCESS")
                .record(version.subjectPseudonym(), version.recordId(), version.version())
                .recipient(d.recipientAgency(), null));
      }
    }
    return cancelled;
  }
}

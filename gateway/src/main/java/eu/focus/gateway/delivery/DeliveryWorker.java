package eu.focus.gateway.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.adapters.connector.ConnectorException;
import eu.focus.adapters.connector.ConnectorRegistry;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.agency.AgencyDirectory;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.config.FocusProperties;
import eu.focus.gateway.consent.ConsentStore;
import eu.focus.gateway.metrics.FocusMetrics;
import eu.focus.gateway.outbox.Delivery;
import eu.focus.gateway.outbox.DeliveryStore;
import eu.focus.gateway.policy.Decision;
import eu.focus.gateway.policy.Minimiser;
import eu.focus.gateway.policy.PolicyRecheck;
import eu.focus.gateway.record.ExchangeRow;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.record.StoredRecord;
import eu.focus.gateway.schedule.PeriodicWorker;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An outbox worker. Every poll it claims due deliveries, and for each: re-decides under the policy
 * and the consent as they are now (a consent may have been withdrawn since intake), minimises the
 * record for the recipient, encodes it in the recipient's form ({@link ContractEncoding}), sends it
 * through the recipient's connector with the delivery's idempotency key, and records the outcome
 * with its audit entry in one transaction. A failure is retried after an exponentially growing wait
 * (Resilience4j's {@link IntervalFunction}), kept in the database so that it survives restarts;
 * after {@code focus.delivery.max-attempts} the delivery is dead-lettered for an operator. Runs
 * only where {@code focus.roles} has {@code delivery}.
 */
@Component
public class DeliveryWorker extends PeriodicWorker {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

  private final FocusProperties.Delivery settings;
  private final DeliveryStore deliveries;
  private final RecordStore records;
  private final ConsentStore consents;
  private final AgencyDirectory agencies;
  private final PolicyRecheck recheck;
  private final Minimiser minimiser;
  private final ConnectorRegistry connectors;
  private final ContractEncoding encoding;
  private final AuditLog audit;
  private final FocusMetrics metrics;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ObjectMapper json;
  private final IntervalFunction backoff;
  private final String workerId = "worker-" + UUID.randomUUID();

  public DeliveryWorker(
      FocusProperties props,
      DeliveryStore deliveries,
      RecordStore records,
      ConsentStore consents,
      AgencyDirectory agencies,
      PolicyRecheck recheck,
      Minimiser minimiser,
      ConnectorRegistry connectors,
      ContractEncoding encoding,
      AuditLog audit,
      FocusMetrics metrics,
      TransactionTemplate tx,
      Clock clock,
      ObjectMapper json) {
    super(
        "focus-delivery",
        props.delivery().workers(),
        props.runs("delivery"),
        Duration.ofSeconds(10));
    this.settings = props.delivery();
    this.deliveries = deliveries;
    this.records = records;
    this.consents = consents;
    this.agencies = agencies;
    this.recheck = recheck;
    this.minimiser = minimiser;
    this.connectors = connectors;
    this.encoding = encoding;
    this.audit = audit;
    this.metrics = metrics;
    this.tx = tx;
    this.clock = clock;
    this.json = json;
    this.backoff =
        IntervalFunction.ofExponentialBackoff(
            settings.initialBackoff(), settings.backoffMultiplier(), settings.maxBackoff());
  }

  /** Claims and works through one batch of due deliveries; returns how many it handled. */
  public int pollOnce() {
    Instant now = clock.instant();
    List<Delivery> batch =
        deliveries.claimDue(workerId, now, now.plus(settings.lease()), settings.batchSize());
    for (Delivery d : batch) {
      try {
        process(d);
      } catch (RuntimeException e) {
        // The lease runs out and another poll retries it; nothing personal in the log line.
        LOG.warn("Delivery {} failed unexpectedly: {}", d.deliveryId(), e.getClass().getName());
      }
    }
    return batch.size();
  }

  private void process(Delivery d) {
    ExchangeRow exchange = records.exchange(d.exchangeId()).orElseThrow();
    StoredRecord record = records.find(d.recordId(), d.recordVersion()).orElseThrow();
    Agency recipient = agencies.find(d.recipientAgency()).orElseThrow();
    Agency sender = agencies.find(exchange.sourceAgency()).orElseThrow();
    AuditEvent base =
        AuditEvent.of(AuditAction.DISCLOSED, "SUCCESS")
            .actor(exchange.sourceAgency(), null, "SYSTEM")
            .justification(exchange.purpose(), exchange.legalBasis(), d.consentId())
            .record(record.subjectPseudonym(), record.recordId(), record.version())
            .transfer(sender.country(), recipient.country(), exchange.transferBasis())
            .correlation(exchange.correlationId(), exchange.channel());

    String body;
    String classes;
    if (d.kind() == Delivery.Kind.ASSESSMENT && (record.erased() || !record.removed().isEmpty())) {
      // Erasure and retention cancel unsent deliveries, except one a worker held at that moment:
      // this is that one, claimed again; its content is gone, so it is not sent.
      tx.executeWithoutResult(
          s -> {
            if (deliveries.cancel(d.deliveryId())) {
              audit.append(
                  base.as(AuditAction.CANCELLED, "SUCCESS")
                      .recipient(recipient.id(), null)
                      .reason(
                          record.erased()
                              ? "ERASED: content erased before sending"
                              : "RETENTION: content past retention before sending"));
            }
          });
      return;
    }
    if (d.kind() == Delivery.Kind.ASSESSMENT) {
      Decision decision = recheck.recheck(exchange, record, recipient);
      if (!decision.permitted()) {
        tx.executeWithoutResult(
            s -> {
              if (deliveries.cancel(d.deliveryId())) {
                audit.append(
                    base.as(AuditAction.CANCELLED, "DENY")
                        .recipient(recipient.id(), null)
                        .reason("re-checked at delivery: " + decision.rule()));
              }
            });
        return;
      }
      Minimiser.Result minimised = minimiser.minimise(record.content(), decision.classes());
      body = write(Messages.assessment(json, d, exchange, sender, recipient, decision, minimised));
      classes = decision.disclosedClasses();
    } else {
      body =
          write(
              Messages.revocation(
                  json,
                  d,
                  exchange,
                  sender,
                  recipient,
                  consents.find(d.consentId()).map(c -> c.withdrawnAt()).orElse(d.createdAt())));
      classes = "S0";
    }

    ContractEncoding.Encoded encoded = encoding.encode(recipient, body);
    if (!encoded.ok()) {
      // Deterministic: the same record will not map on a later attempt either.
      deadLetter(d, base, recipient, encoded.error());
      return;
    }
    body = encoded.body();
    try {
      connectors.send(recipient.connectorId(), body, d.idempotencyKey(), d.kind().name());
    } catch (ConnectorException e) {
      failed(d, base, recipient, e);
      return;
    }
    tx.executeWithoutResult(
        s -> {
          if (deliveries.markDelivered(d.deliveryId(), clock.instant())) {
            audit.append(
                base.recipient(recipient.id(), classes)
                    .reason(
                        d.kind() == Delivery.Kind.REVOCATION ? "consent revocation notice" : null));
          }
        });
    metrics.delivered();
  }

  private void deadLetter(Delivery d, AuditEvent base, Agency recipient, String reason) {
    tx.executeWithoutResult(
        s -> {
          if (deliveries.markFailed(d.deliveryId(), reason, clock.instant(), true)) {
            audit.append(
                base.as(AuditAction.DEAD_LETTERED, "FAILURE")
                    .recipient(recipient.id(), null)
                    .reason(reason));
          }
        });
    metrics.deadLettered();
  }

  private void failed(Delivery d, AuditEvent base, Agency recipient, ConnectorException e) {
    if (e.circuitOpen()) {
      // Not tried at all: the recipient is known to be down. Wait without spending an attempt,
      // so a long outage does not dead-letter everything queued behind it.
      deliveries.postpone(
          d.deliveryId(), clock.instant().plus(settings.circuitOpenWait()), "circuit open");
      metrics.postponed();
      return;
    }
    int attempt = d.attempts() + 1;
    boolean dead = attempt >= settings.maxAttempts();
    Instant next = clock.instant().plus(Duration.ofMillis(backoff.apply(attempt)));
    tx.executeWithoutResult(
        s -> {
          if (deliveries.markFailed(d.deliveryId(), e.getMessage(), next, dead)) {
            audit.append(
                base.as(dead ? AuditAction.DEAD_LETTERED : AuditAction.DELIVERY_FAILED, "FAILURE")
                    .recipient(recipient.id(), null)
                    .reason("attempt " + attempt + ": " + e.getMessage()));
          }
        });
    if (dead) {
      metrics.deadLettered();
    } else {
      metrics.retried();
    }
  }

  private String write(ObjectNode message) {
    try {
      return json.writeValueAsString(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void schedule() {
    // Each thread claims its own batch; the lease claim keeps them (and other replicas) apart.
    int threads = settings.workers();
    long period = settings.pollInterval().toMillis();
    for (int i = 0; i < threads; i++) {
      every(
          "Delivery poll",
          Duration.ofMillis(period + i * period / threads),
          Duration.ofMillis(period),
          this::pollUntilEmpty);
    }
  }

  private void pollUntilEmpty() {
    while (pollOnce() == settings.batchSize()) {
      // a full batch: more may be due, go on without waiting
    }
  }

  @Override
  public int getPhase() {
    // start after Camel (so connectors exist), stop before it
    return Integer.MAX_VALUE - 100;
  }
}

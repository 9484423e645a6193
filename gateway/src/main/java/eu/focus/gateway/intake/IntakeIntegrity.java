package eu.focus.gateway.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds intakes that were kept only in part. An intake writes, in one transaction, the record
 * version, its exchange, a COLLECTED entry, one DECIDED entry per recipient and one outbox delivery
 * per permitted recipient; after any crash all of it or none of it must be there. A database that
 * lost part of a transaction (a file store that wrote some tables and not others before the process
 * died) would leave a record that is never delivered, never pending and never reported: this check
 * names each such intake by its record and exchange ids (no content), logs it, and counts them in
 * the gauge {@code focus_intake_incomplete}.
 *
 * <p>It runs when the gateway has started, over the intakes of the last {@link #STARTUP_WINDOW} (a
 * crash can only cut short the transactions committing at that moment). {@link #check} takes any
 * period; no operator endpoint calls it yet.
 */
@Component
public class IntakeIntegrity {

  /** How far back the check at start-up looks. */
  static final Duration STARTUP_WINDOW = Duration.ofHours(24);

  private static final Logger LOG = LoggerFactory.getLogger(IntakeIntegrity.class);

  /** One intake kept in part: what is missing, and where. */
  public record Incomplete(String recordId, int version, String exchangeId, String missing) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AtomicInteger found = new AtomicInteger();

  public IntakeIntegrity(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    Gauge.builder("focus.intake.incomplete", found, AtomicInteger::get)
        .description("Intakes kept only in part, found by the last integrity check")
        .register(registry);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void checkAtStartup() {
    List<Incomplete> incomplete = check(clock.instant().minus(STARTUP_WINDOW));
    for (Incomplete i : incomplete) {
      LOG.error(
          "Incomplete intake: record {} version {}, exchange {}: {}",
          i.recordId(),
          i.version(),
          i.exchangeId(),
          i.missing());
    }
    if (incomplete.isEmpty()) {
      LOG.info("Intake integrity: every intake of the last {} is complete", STARTUP_WINDOW);
    }
  }

  /** Every intake since the given time that was kept only in part. */
  public List<Incomplete> check(Instant since) {
    Timestamp from = Timestamp.from(since);
    List<Incomplete> all = new ArrayList<>();
    all.addAll(
        query(
            """
            select r.record_id, r.version, cast(null as varchar(36)) as exchange_id
            from assessment_record r
            where r.created_at >= :since
              and not exists (select 1 from exchange e
                              where e.record_id = r.record_id and e.record_version = r.version)
            """,
            from,
            "its exchange"));
    all.addAll(
        query(
            """
            select r.record_id, r.version, cast(null as varchar(36)) as exchange_id
            from assessment_record r
            where r.created_at >= :since
              and not exists (select 1 from audit_entry a
                              where a.record_id = r.record_id and a.record_version = r.version
                                and a.action = 'COLLECTED')
            """,
            from,
            "its COLLECTED audit entry"));
    all.addAll(
        query(
            """
            select e.record_id, e.record_version as version, e.exchange_id
            from exchange e
            where e.created_at >= :since
              and not exists (select 1 from audit_entry a
                              where a.record_id = e.record_id
                                and a.correlation_id = e.correlation_id and a.action = 'DECIDED')
            """,
            from,
            "its DECIDED audit entries"));
    all.addAll(
        query(
            """
            select e.record_id, e.record_version as version, e.exchange_id
            from exchange e
              join audit_entry a on a.record_id = e.record_id
                and a.correlation_id = e.correlation_id
                and a.action = 'DECIDED' and a.outcome = 'PERMIT'
            where e.created_at >= :since
              and not exists (select 1 from delivery d
                              where d.exchange_id = e.exchange_id
                                and d.recipient_agency = a.recipient_agency
                                and d.kind = 'ASSESSMENT')
            """,
            from,
            "the outbox delivery of a permitted recipient"));
    found.set(all.size());
    return all;
  }

  private List<Incomplete> query(String sql, Timestamp since, String missing) {
    return jdbc.sql(sql)
        .param("since", since)
        .query(
            (rs, n) ->
                new Incomplete(
                    rs.getString("record_id"),
                    rs.getInt("version"),
                    rs.getString("exchange_id"),
                    missing))
        .list();
  }
}

package eu.focus.gateway.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lets one gateway instance, of however many share the database, run a job's scheduled slot: the
 * same compare-and-set on one row as the delivery leases (decision 0004), so it works alike on H2
 * and PostgreSQL. An instance wins a slot only if no one holds the job and no one has already run
 * that slot or a later one; instances whose clocks fire the same cron slot a moment apart therefore
 * run it once between them.
 */
@Repository
public class JobLock {

  private final JdbcClient jdbc;

  public JobLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True when {@code owner} now holds the job for {@code slot}, until {@code until}. */
  public boolean claim(String job, Instant slot, String owner, Instant now, Instant until) {
    return jdbc.sql(
                """
                update job_lock set owner = :owner, locked_until = :until, last_slot = :slot
                where job_name = :job and (locked_until is null or locked_until < :now)
                  and (last_slot is null or last_slot < :slot)
                """)
            .param("owner", owner)
            .param("until", utc(until))
            .param("slot", utc(slot))
            .param("job", job)
            .param("now", utc(now))
            .update()
        == 1;
  }

  public void release(String job, String owner) {
    jdbc.sql(
            "update job_lock set owner = null, locked_until = null"
                + " where job_name = :job and owner = :owner")
        .param("job", job)
        .param("owner", owner)
        .update();
  }

  /**
   * Microseconds, what both databases store: a slot with nanoseconds would be stored truncated and
   * then compare as earlier than itself, and the same slot would run twice.
   */
  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}

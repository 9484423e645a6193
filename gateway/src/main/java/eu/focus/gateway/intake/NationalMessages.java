package eu.focus.gateway.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The message ids of national systems and the exchanges they became, so that each message is taken
 * in once. {@link #remember} runs inside the intake transaction, so a message is remembered exactly
 * when its exchange is stored; the primary key (system, message id) stops two instances taking the
 * same message in at the same moment.
 */
@Component
public class NationalMessages {

  private final JdbcClient jdbc;
  private final Clock clock;

  public NationalMessages(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The exchange this message of this system already became, if any. */
  public Optional<String> earlier(String systemId, String messageId) {
    return jdbc.sql(
            "select exchange_id from national_message where system_id = :s and message_id = :m")
        .param("s", systemId)
        .param("m", messageId)
        .query(String.class)
        .optional();
  }

  /** Records that this message became this exchange (in the caller's transaction). */
  public void remember(String systemId, String messageId, String exchangeId) {
    jdbc.sql(
            """
            insert into national_message (system_id, message_id, exchange_id, received_at)
            values (:s, :m, :e, :at)
            """)
        .param("s", systemId)
        .param("m", messageId)
        .param("e", exchangeId)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }
}

package eu.focus.gateway.auditor;

import eu.focus.gateway.audit.AuditEntry;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one audit entry by its id, for the console's entry page (and later its inclusion proof).
 * Kept apart from {@link AuditQuery}, whose search the auditor API owns; like the search, the
 * caller writes the read to the log.
 */
@Component
public class AuditEntryReader {

  private final JdbcClient jdbc;

  public AuditEntryReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The entry with this id, or empty when there is none. */
  public Optional<AuditEntry> byId(String entryId) {
    return jdbc.sql("select * from audit_entry where entry_id = :id")
        .param("id", entryId)
        .query(AuditEntry::fromRow)
        .optional();
  }
}

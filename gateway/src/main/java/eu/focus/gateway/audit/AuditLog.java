package eu.focus.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log. {@link #append} joins the caller's transaction (and refuses to run
 * without one), so an entry commits together with the change it describes or not at all. There is
 * deliberately no update or delete here, and ArchitectureTest keeps it that way.
 */
@Component
public class AuditLog {

  private static final ObjectMapper CANONICAL = new ObjectMapper();
  private static final String INSERT =
      "insert into audit_entry ("
          + AuditField.insertColumns()
          + ") values ("
          + Arrays.stream(AuditField.values())
              .filter(AuditField::written)
              .map(f -> ":" + f.jsonName() + ", ")
              .collect(Collectors.joining())
          + ":canonical)";

  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends one entry inside the current transaction and queues it for the Merkle tree (the {@code
   * MerkleSequencer} gives it a leaf index once the transaction has committed); returns its id.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String append(AuditEvent e) {
    AuditEntry entry =
        new AuditEntry(
            null,
            UUID.randomUUID().toString(),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            e.actorAgency(),
            e.actorPerson(),
            e.actorRole(),
            e.action(),
            e.purpose(),
            e.legalBasis(),
            e.consentId(),
            e.subjectPseudonym(),
            e.recordId(),
            e.recordVersion(),
            e.recipientAgency(),
            e.classes(),
            e.outcome(),
            truncate(e.reason(), 256),
            e.correlationId(),
            e.channel(),
            e.sourceCountry(),
            e.destinationCountry(),
            e.transferBasis(),
            e.refersTo());
    JdbcClient.StatementSpec insert = jdbc.sql(INSERT);
    for (AuditField f : AuditField.values()) {
      if (f.written()) {
        insert = insert.param(f.jsonName(), f.sqlParam(entry));
      }
    }
    insert.param("canonical", canonical(entry)).update();
    jdbc.sql("insert into audit_queue (entry_id) values (:entryId)")
        .param("entryId", entry.entryId())
        .update();
    return entry.entryId();
  }

  /**
   * The newest entry of an action whose reason starts with the prefix (e.g. a configuration part
   * fingerprint). Used by writers that record what changed since their last entry..
   */
  public Optional<AuditEntry> latest(AuditAction action, String reasonPrefix) {
    return jdbc.sql(
            "select * from audit_entry where action = :action and reason like :prefix"
                + " order by seq desc fetch first 1 rows only")
        .param("action", action.name())
        .param("prefix", reasonPrefix.replace("%", "") + "%")
        .query(AuditEntry::fromRow)
        .optional();
  }

  /**
   * The canonical form of an entry: sorted-key JSON of every field but {@code seq} ({@link
   * AuditField}), nulls left out. Its UTF-8 bytes are the entry's Merkle leaf. This is the only
   * place the form is defined: the append writes it, and the database log verifier ({@code
   * audit.merkle}) recomputes it from a row's columns to check that they still say what the hashed
   * text says. A field added to {@link AuditEntry} and {@link AuditField} is covered by the tree.
   */
  public static String canonical(AuditEntry entry) {
    Map<String, Object> n = new TreeMap<>();
    for (AuditField f : AuditField.values()) {
      Object v = f.written() ? f.canonical(entry) : null;
      if (v != null) {
        n.put(f.jsonName(), v);
      }
    }
    try {
      return CANONICAL.writeValueAsString(n);
    } catch (Exception ex) {
      throw new IllegalStateException("Cannot serialise audit entry", ex);
    }
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}

package eu.focus.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.gateway.audit.merkle.DatabaseLogVerifier;
import eu.focus.gateway.audit.merkle.MerkleSequencer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
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

  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends one entry inside the current transaction and queues it for the Merkle tree (the {@link
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
    jdbc.sql(
            """
            insert into audit_entry (entry_id, occurred_at, actor_agency, actor_person, actor_role,
              action, purpose, legal_basis, consent_id, subject_pseudonym, record_id, record_version,
              recipient_agency, classes, outcome, reason, correlation_id, channel, source_country,
              destination_country, transfer_basis, refers_to, canonical)
            values (:entryId, :at, :actorAgency, :actorPerson, :actorRole, :action, :purpose,
              :legalBasis, :consentId, :subject, :recordId, :recordVersion, :recipient, :classes,
              :outcome, :reason, :correlationId, :channel, :sourceCountry, :destinationCountry,
              :transferBasis, :refersTo, :canonical)
            """)
        .param("entryId", entry.entryId())
        .param("at", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
        .param("actorAgency", entry.actorAgency())
        .param("actorPerson", entry.actorPerson())
        .param("actorRole", entry.actorRole())
        .param("action", entry.action().name())
        .param("purpose", entry.purpose())
        .param("legalBasis", entry.legalBasis())
        .param("consentId", entry.consentId())
        .param("subject", entry.subjectPseudonym())
        .param("recordId", entry.recordId())
        .param("recordVersion", entry.recordVersion())
        .param("recipient", entry.recipientAgency())
        .param("classes", entry.classes())
        .param("outcome", entry.outcome())
        .param("reason", entry.reason())
        .param("correlationId", entry.correlationId())
        .param("channel", entry.channel())
        .param("sourceCountry", entry.sourceCountry())
        .param("destinationCountry", entry.destinationCountry())
        .param("transferBasis", entry.transferBasis())
        .param("refersTo", entry.refersTo())
        .param("canonical", canonical(entry))
        .update();
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
   * The canonical form of an entry: sorted-key JSON of every field but {@code seq}, nulls left out.
   * Its UTF-8 bytes are the entry's Merkle leaf. This is the only place the form is defined: the
   * append writes it, and the {@link DatabaseLogVerifier} recomputes it from a row's columns to
   * check that they still say what the hashed text says. A field added to {@link AuditEntry} must
   * be added here too (and is then covered by the tree).
   */
  public static String canonical(AuditEntry entry) {
    Map<String, Object> n = new TreeMap<>();
    n.put("entryId", entry.entryId());
    n.put("occurredAt", entry.occurredAt().toString());
    n.put("actorAgency", entry.actorAgency());
    n.put("actorPerson", entry.actorPerson());
    n.put("actorRole", entry.actorRole());
    n.put("action", entry.action().name());
    n.put("purpose", entry.purpose());
    n.put("legalBasis", entry.legalBasis());
    n.put("consentId", entry.consentId());
    n.put("subjectPseudonym", entry.subjectPseudonym());
    n.put("recordId", entry.recordId());
    n.put("recordVersion", entry.recordVersion());
    n.put("recipientAgency", entry.recipientAgency());
    n.put("classes", entry.classes());
    n.put("outcome", entry.outcome());
    n.put("reason", entry.reason());
    n.put("correlationId", entry.correlationId());
    n.put("channel", entry.channel());
    n.put("sourceCountry", entry.sourceCountry());
    n.put("destinationCountry", entry.destinationCountry());
    n.put("transferBasis", entry.transferBasis());
    n.put("refersTo", entry.refersTo());
    n.values().removeIf(Objects::isNull);
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

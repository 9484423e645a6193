package eu.focus.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
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

  /** Appends one entry inside the current transaction; returns its id. */
  @Transactional(propagation = Propagation.MANDATORY)
  public String append(AuditEvent e) {
    String entryId = UUID.randomUUID().toString();
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
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
        .param("entryId", entryId)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("actorAgency", e.actorAgency())
        .param("actorPerson", e.actorPerson())
        .param("actorRole", e.actorRole())
        .param("action", e.action().name())
        .param("purpose", e.purpose())
        .param("legalBasis", e.legalBasis())
        .param("consentId", e.consentId())
        .param("subject", e.subjectPseudonym())
        .param("recordId", e.recordId())
        .param("recordVersion", e.recordVersion())
        .param("recipient", e.recipientAgency())
        .param("classes", e.classes())
        .param("outcome", e.outcome())
        .param("reason", truncate(e.reason(), 256))
        .param("correlationId", e.correlationId())
        .param("channel", e.channel())
        .param("sourceCountry", e.sourceCountry())
        .param("destinationCountry", e.destinationCountry())
        .param("transferBasis", e.transferBasis())
        .param("refersTo", e.refersTo())
        .param("canonical", canonical(entryId, at, e))
        .update();
    return entryId;
  }

  /** Sorted-key JSON of the entry: stable bytes for hashing (the later Merkle leaf). */
  static String canonical(String entryId, Instant at, AuditEvent e) {
    Map<String, Object> n = new TreeMap<>();
    n.put("entryId", entryId);
    n.put("occurredAt", at.toString());
    n.put("actorAgency", e.actorAgency());
    n.put("actorPerson", e.actorPerson());
    n.put("actorRole", e.actorRole());
    n.put("action", e.action().name());
    n.put("purpose", e.purpose());
    n.put("legalBasis", e.legalBasis());
    n.put("consentId", e.consentId());
    n.put("subjectPseudonym", e.subjectPseudonym());
    n.put("recordId", e.recordId());
    n.put("recordVersion", e.recordVersion());
    n.put("recipientAgency", e.recipientAgency());
    n.put("classes", e.classes());
    n.put("outcome", e.outcome());
    n.put("reason", truncate(e.reason(), 256));
    n.put("correlationId", e.correlationId());
    n.put("channel", e.channel());
    n.put("sourceCountry", e.sourceCountry());
    n.put("destinationCountry", e.destinationCountry());
    n.put("transferBasis", e.transferBasis());
    n.put("refersTo", e.refersTo());
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

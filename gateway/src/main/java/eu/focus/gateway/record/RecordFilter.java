package eu.focus.gateway.record;

import java.time.Instant;
import java.util.Map;

/**
 * Narrows a record search (FHIR channel); null fields do not narrow. Applied as SQL conditions on
 * {@code assessment_record r} by {@link RecordStore}.
 *
 * @param storedFrom earliest time the gateway stored the version (inclusive)
 * @param storedTo latest time the gateway stored the version (inclusive)
 */
public record RecordFilter(
    String recordId, String subjectPseudonym, Instant storedFrom, Instant storedTo) {

  void appendTo(StringBuilder sql, Map<String, Object> params) {
    if (recordId != null) {
      sql.append(" and r.record_id = :recordId");
      params.put("recordId", recordId);
    }
    if (subjectPseudonym != null) {
      sql.append(" and r.subject_pseudonym = :subject");
      params.put("subject", subjectPseudonym);
    }
    if (storedFrom != null) {
      sql.append(" and r.created_at >= :storedFrom");
      params.put("storedFrom", RecordStore.utc(storedFrom));
    }
    if (storedTo != null) {
      sql.append(" and r.created_at <= :storedTo");
      params.put("storedTo", RecordStore.utc(storedTo));
    }
  }
}

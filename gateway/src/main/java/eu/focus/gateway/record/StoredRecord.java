package eu.focus.gateway.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One stored version of an assessment record.
 *
 * @param retentionUntil the record's own {@code versioning.retentionUntil}, if it carries one
 * @param removedClasses classes retention or erasure removed from {@code content}
 *     (comma-separated), null when none
 * @param erasedAt when an erasure request removed the content; null when not erased
 */
public record StoredRecord(
    String recordId,
    int version,
    String subjectPseudonym,
    String authoringAgency,
    String subjectCategory,
    String status,
    JsonNode content,
    Instant createdAt,
    LocalDate retentionUntil,
    String removedClasses,
    Instant erasedAt) {

  /** A version as intake stores it: nothing removed yet. */
  public StoredRecord(
      String recordId,
      int version,
      String subjectPseudonym,
      String authoringAgency,
      String subjectCategory,
      String status,
      JsonNode content,
      Instant createdAt) {
    this(
        recordId,
        version,
        subjectPseudonym,
        authoringAgency,
        subjectCategory,
        status,
        content,
        createdAt,
        retentionUntil(content),
        null,
        null);
  }

  public boolean erased() {
    return erasedAt != null;
  }

  /** The classes already removed from the content, sorted. */
  public SortedSet<String> removed() {
    SortedSet<String> s = new TreeSet<>();
    if (removedClasses != null && !removedClasses.isBlank()) {
      s.addAll(Arrays.asList(removedClasses.split(",")));
    }
    return s;
  }

  private static LocalDate retentionUntil(JsonNode content) {
    String until = content.path("versioning").path("retentionUntil").asText(null);
    try {
      return until == null ? null : LocalDate.parse(until);
    } catch (DateTimeParseException notADate) {
      return null; // the contract validator reports it; retention then goes by the periods
    }
  }
}

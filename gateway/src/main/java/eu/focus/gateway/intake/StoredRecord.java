package eu.focus.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One stored version of an assessment record. */
public record StoredRecord(
    String recordId,
    int version,
    String subjectPseudonym,
    String authoringAgency,
    String subjectCategory,
    String status,
    JsonNode content,
    Instant createdAt) {}

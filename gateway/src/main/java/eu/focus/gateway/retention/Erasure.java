package eu.focus.gateway.retention;

import java.time.Instant;
import java.util.List;

/**
 * One erasure request and what it did.
 *
 * @param recordId the record the request named the child by, when it did
 * @param reason legal ground code, one of {@link ErasureService#REASONS}
 * @param requestedBy the operator who recorded it (token subject)
 * @param records the records whose content this request erased (empty when an earlier request had
 *     already erased them)
 */
public record Erasure(
    String erasureId,
    String requestReference,
    String subjectPseudonym,
    String recordId,
    String reason,
    String requestedBy,
    Instant requestedAt,
    int versionsErased,
    int deliveriesCancelled,
    List<String> records) {}

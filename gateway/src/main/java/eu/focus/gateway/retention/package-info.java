/**
 * Retention and erasure. The retention job removes, per sensitivity class, the content of stored
 * record versions past the configured period (or the record's own {@code retentionUntil}), once per
 * scheduled slot across all instances; an erasure request removes the content of every record of
 * one child. Both cancel deliveries that could still send the content, and both are audited
 * (RETENTION_RUN, RETENTION_APPLIED, ERASED) while every existing audit entry stays as it was.
 */
package eu.focus.gateway.retention;

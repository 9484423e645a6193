/**
 * Writing the audit log: append-only entries ({@link eu.focus.gateway.audit.AuditLog#append})
 * written in the same transaction as the change they record, holding pseudonyms and codes only
 * (which entries an auditor's questions need is in docs/domain.md). Security events and
 * configuration fingerprints are entries too. The entry's fields are defined once, in {@link
 * eu.focus.gateway.audit.AuditField}.
 *
 * <p>Two packages build on this one: {@code audit.merkle} (the entries as leaves of an RFC 9162
 * Merkle tree, signed checkpoints, proofs, the database verifier; docs/audit-log.md) and {@code
 * auditor} (the auditors' read side: search, reports, exports).
 */
package eu.focus.gateway.audit;

/**
 * The audit log: append-only entries written in the same transaction as the change they record,
 * holding pseudonyms and codes only, and the auditors' search over them.
 *
 * <p>The entries are the leaves of an RFC 9162 Merkle tree: the {@link
 * eu.focus.gateway.audit.MerkleSequencer} appends them after commit, {@link
 * eu.focus.gateway.audit.AuditCheckpoints} signs the tree head, {@link
 * eu.focus.gateway.audit.AuditLogService} serves proofs and exports, and {@link
 * eu.focus.gateway.audit.DatabaseLogVerifier} checks the stored log (docs/audit-log.md).
 */
package eu.focus.gateway.audit;

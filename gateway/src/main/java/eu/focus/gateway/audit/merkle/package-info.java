/**
 * The audit entries as an RFC 9162 Merkle log: the {@link
 * eu.focus.gateway.audit.merkle.MerkleSequencer} gives committed entries their leaf indices, {@link
 * eu.focus.gateway.audit.merkle.MerkleTreeStore} keeps every perfect subtree, {@link
 * eu.focus.gateway.audit.merkle.AuditCheckpoints} signs tree heads with the {@link
 * eu.focus.gateway.audit.merkle.AuditSigningKey}, {@link
 * eu.focus.gateway.audit.merkle.AuditLogService} serves status, proofs and exports, and {@link
 * eu.focus.gateway.audit.merkle.DatabaseLogVerifier} checks the stored log (docs/audit-log.md).
 */
package eu.focus.gateway.audit.merkle;

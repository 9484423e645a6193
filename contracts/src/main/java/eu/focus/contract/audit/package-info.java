/**
 * The audit log as an RFC 9162 Merkle tree, in the form outside parties can check for themselves.
 * {@link eu.focus.contract.audit.MerkleHashes} fixes the leaf and node hashes (RFC 9162 §2.1.1);
 * {@link eu.focus.contract.audit.MerkleTree} is a small in-memory tree that computes roots,
 * inclusion proofs and consistency proofs straight from the RFC's recursive definitions, the
 * reference any storage-backed log must agree with; {@link eu.focus.contract.audit.MerkleProofs}
 * verifies proofs (RFC 9162 §2.1.3.2 and §2.1.4.2) and says why one fails, never throwing on bad
 * input, because proofs and roots arrive from outside. The verifier passes every transparency-dev
 * test vector shipped under {@code src/test/resources/rfc9162/}.
 *
 * <p>{@link eu.focus.contract.audit.Checkpoint} states the log's size and root at a time, in the
 * C2SP checkpoint layout; {@link eu.focus.contract.audit.CheckpointSigner} signs it with Ed25519 as
 * a C2SP signed note and {@link eu.focus.contract.audit.CheckpointVerifier} checks it with the
 * public key an auditor holds. {@link eu.focus.contract.audit.LogVerifier} checks a whole {@link
 * eu.focus.contract.audit.LogExport} offline against a signed checkpoint and names the first entry
 * that is not as signed.
 */
package eu.focus.contract.audit;

package eu.focus.contract.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of an RFC 9162 Merkle tree (§2.1.1) with SHA-256, the only hash algorithm the log
 * uses. Leaves and interior nodes are hashed with different one-byte prefixes (0x00 and 0x01) so
 * that a leaf can never be passed off as an interior node (second-preimage resistance).
 */
public final class MerkleHashes {

  /** Length in bytes of every hash in the tree (SHA-256). */
  public static final int HASH_SIZE = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private MerkleHashes() {}

  /**
   * The hash of the empty tree, MTH({}) = SHA-256() (RFC 9162 §2.1.1).
   *
   * @return a new 32-byte array
   */
  public static byte[] emptyTreeHash() {
    return sha256().digest();
  }

  /**
   * The leaf hash MTH({d}) = SHA-256(0x00 || d) of one entry (RFC 9162 §2.1.1).
   *
   * @param entry the entry's bytes (for the audit log: its canonical form, ADR 0005)
   * @return a new 32-byte array
   */
  public static byte[] leafHash(byte[] entry) {
    MessageDigest digest = sha256();
    digest.update(LEAF_PREFIX);
    digest.update(entry);
    return digest.digest();
  }

  /**
   * The interior node hash SHA-256(0x01 || left || right) (RFC 9162 §2.1.1).
   *
   * @param left the hash of the left subtree
   * @param right the hash of the right subtree
   * @return a new 32-byte array
   */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = sha256();
    digest.update(NODE_PREFIX);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest Javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}

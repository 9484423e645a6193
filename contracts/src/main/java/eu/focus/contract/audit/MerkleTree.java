package eu.focus.contract.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree held in memory: a list of leaf hashes and the RFC 9162 functions over
 * its prefixes, written as the RFC's recursive definitions so that it is easy to check by reading.
 * It is the reference the database-backed audit log is tested against, not a store for large logs:
 * each call recomputes the subtree hashes it needs (linear in the tree size).
 *
 * <p>Not thread-safe.
 */
public final class MerkleTree {

  private final List<byte[]> leaves = new ArrayList<>();

  /**
   * Appends an entry as the next leaf.
   *
   * @param entry the entry's bytes; the tree keeps only its leaf hash
   * @return the new leaf's index
   */
  public long appendEntry(byte[] entry) {
    return appendLeafHash(MerkleHashes.leafHash(entry));
  }

  /**
   * Appends an already computed leaf hash as the next leaf.
   *
   * @param leafHash SHA-256(0x00 || entry), 32 bytes
   * @return the new leaf's index
   * @throws IllegalArgumentException if the hash is not 32 bytes long
   */
  public long appendLeafHash(byte[] leafHash) {
    if (leafHash.length != MerkleHashes.HASH_SIZE) {
      throw new IllegalArgumentException("a leaf hash has 32 bytes, not " + leafHash.length);
    }
    leaves.add(leafHash.clone());
    return leaves.size() - 1L;
  }

  /** The number of leaves appended so far. */
  public long size() {
    return leaves.size();
  }

  /**
   * The hash of leaf {@code index}.
   *
   * @throws IllegalArgumentException if there is no such leaf
   */
  public byte[] leafHash(long index) {
    checkRange("leaf index", index, 0, size() - 1);
    return leaves.get((int) index).clone();
  }

  /**
   * The root hash MTH(D[0:n]) of the tree made of the first {@code n} leaves (RFC 9162 §2.1.1).
   *
   * @param n a tree size, 0 to {@link #size()}; 0 gives the empty-tree hash
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  public byte[] rootHash(long n) {
    checkRange("tree size", n, 0, size());
    return n == 0 ? MerkleHashes.emptyTreeHash() : hash(0, (int) n);
  }

  /**
   * The inclusion proof PATH(m, D[0:n]) of leaf {@code m} in the tree of the first {@code n} leaves
   * (RFC 9162 §2.1.3.1), from the leaf's sibling up to the root's child.
   *
   * @param m the leaf index, 0 to n - 1
   * @param n the tree size, 1 to {@link #size()}
   * @throws IllegalArgumentException if {@code m} or {@code n} is out of range
   */
  public List<byte[]> inclusionProof(long m, long n) {
    checkRange("tree size", n, 1, size());
    checkRange("leaf index", m, 0, n - 1);
    List<byte[]> proof = new ArrayList<>();
    path((int) m, 0, (int) n, proof);
    return proof;
  }

  /**
   * The consistency proof PROOF(m, D[0:n]) between the trees of the first {@code m} and the first
   * {@code n} leaves (RFC 9162 §2.1.4.1). It is empty when {@code m == n}.
   *
   * @param m the earlier tree size, 1 to n (a proof from the empty tree says nothing)
   * @param n the later tree size, m to {@link #size()}
   * @throws IllegalArgumentException if {@code m} or {@code n} is out of range
   */
  public List<byte[]> consistencyProof(long m, long n) {
    checkRange("tree size", n, 1, size());
    checkRange("earlier tree size", m, 1, n);
    List<byte[]> proof = new ArrayList<>();
    subproof((int) m, 0, (int) n, true, proof);
    return proof;
  }

  /** MTH(D[from:to]) for a non-empty range. */
  private byte[] hash(int from, int to) {
    if (to - from == 1) {
      return leaves.get(from).clone();
    }
    int k = largestPowerOfTwoBelow(to - from);
    return MerkleHashes.nodeHash(hash(from, from + k), hash(from + k, to));
  }

  /** PATH(m, D[from:to]), with m relative to from, appended to proof (leaf level first). */
  private void path(int m, int from, int to, List<byte[]> proof) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, from, from + k, proof);
      proof.add(hash(from + k, to));
    } else {
      path(m - k, from + k, to, proof);
      proof.add(hash(from, from + k));
    }
  }

  /** SUBPROOF(m, D[from:to], b), with m relative to from, appended to proof. */
  private void subproof(int m, int from, int to, boolean complete, List<byte[]> proof) {
    int n = to - from;
    if (m == n) {
      if (!complete) {
        proof.add(hash(from, to));
      }
      return;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, from, from + k, complete, proof);
      proof.add(hash(from + k, to));
    } else {
      subproof(m - k, from + k, to, false, proof);
      proof.add(hash(from, from + k));
    }
  }

  /** The largest power of two strictly less than n, for n > 1 (the split point k of §2.1.1). */
  private static int largestPowerOfTwoBelow(int n) {
    return Integer.highestOneBit(n - 1);
  }

  private void checkRange(String what, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "%s %d is outside %d..%d; the tree has %d leaves"
              .formatted(what, value, min, max, size()));
    }
  }
}

package eu.focus.contract.audit;

import eu.focus.contract.audit.Verification.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies RFC 9162 inclusion and consistency proofs over SHA-256. Proofs, roots and sizes come
 * from outside (an export, an API response, a checkpoint), so nothing here throws on bad input: a
 * missing or wrongly sized hash, an impossible size or index, or a proof of the wrong length is a
 * {@link Verification.Failed} naming the reason.
 *
 * <p>The algorithms are those of RFC 9162 §2.1.3.2 and §2.1.4.2. The preconditions around them
 * follow the transparency-dev/merkle test vectors this class is tested against: a consistency proof
 * from the empty tree (size 0) is rejected, even towards another empty tree, because it proves
 * nothing; and between two trees of the same size the proof must be empty and the two roots the
 * same bytes.
 */
public final class MerkleProofs {

  private MerkleProofs() {}

  /**
   * Checks that a leaf is in a tree (RFC 9162 §2.1.3.2).
   *
   * @param leafIndex the leaf's index, from 0
   * @param treeSize the number of leaves of the tree the proof is for
   * @param leafHash the leaf's hash, SHA-256(0x00 || entry) (§2.1.1)
   * @param proof the inclusion proof, leaf level first (§2.1.3.1)
   * @param rootHash the tree's root hash, typically from a signed checkpoint
   * @return {@link Verification#verified()} or the reason the proof fails
   */
  public static Verification verifyInclusion(
      long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] rootHash) {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      return Verification.failed(
          Reason.OUT_OF_RANGE,
          "leaf index " + leafIndex + " is not within a tree of size " + treeSize);
    }
    String malformed = malformed(proof, "leaf hash", leafHash, "root hash", rootHash);
    if (malformed != null) {
      return Verification.failed(Reason.MALFORMED, malformed);
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return tooLong(proof);
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHashes.nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = MerkleHashes.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      return tooShort(proof);
    }
    if (!Arrays.equals(r, rootHash)) {
      return Verification.failed(
          Reason.ROOT_MISMATCH,
          "the proof for leaf "
              + leafIndex
              + " does not lead to the root of tree size "
              + treeSize);
    }
    return Verification.verified();
  }

  /**
   * Checks that the tree of size {@code size2} extends the tree of size {@code size1}, that is,
   * that the log was only appended to (RFC 9162 §2.1.4.2).
   *
   * @param size1 the earlier tree size, at least 1
   * @param size2 the later tree size, at least {@code size1}
   * @param proof the consistency proof (§2.1.4.1); empty when the sizes are equal
   * @param root1 the earlier tree's root hash
   * @param root2 the later tree's root hash
   * @return {@link Verification#verified()} or the reason the proof fails
   */
  public static Verification verifyConsistency(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
    if (size1 < 0 || size2 < size1) {
      return Verification.failed(
          Reason.OUT_OF_RANGE, "tree size " + size1 + " cannot be followed by " + size2);
    }
    if (size1 == 0) {
      return Verification.failed(
          Reason.OUT_OF_RANGE, "a consistency proof from the empty tree proves nothing");
    }
    if (proof == null) {
      return Verification.failed(Reason.MALFORMED, "the proof is missing");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        return Verification.failed(
            Reason.WRONG_PROOF_LENGTH,
            "trees of equal size need an empty proof, not " + proof.size() + " hashes");
      }
      // The same tree: consistent exactly when both roots are the same value, whatever its form.
      if (root1 == null || root2 == null || !Arrays.equals(root1, root2)) {
        return Verification.failed(
            Reason.ROOT_MISMATCH, "two trees of size " + size1 + " with different roots");
      }
      return Verification.verified();
    }
    String malformed = malformed(proof, "first root hash", root1, "second root hash", root2);
    if (malformed != null) {
      return Verification.failed(Reason.MALFORMED, malformed);
    }
    if (proof.isEmpty()) {
      return Verification.failed(
          Reason.WRONG_PROOF_LENGTH, "the proof from size " + size1 + " to " + size2 + " is empty");
    }
    List<byte[]> path = proof;
    if (Long.bitCount(size1) == 1) {
      // The earlier tree is a complete subtree of the later one: its root is the path's start.
      path = new ArrayList<>(proof.size() + 1);
      path.add(root1);
      path.addAll(proof);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return tooLong(proof);
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHashes.nodeHash(c, fr);
        sr = MerkleHashes.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = MerkleHashes.nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      return tooShort(proof);
    }
    if (!Arrays.equals(fr, root1)) {
      return Verification.failed(
          Reason.FIRST_ROOT_MISMATCH,
          "the proof does not lead to the given root of tree size " + size1);
    }
    if (!Arrays.equals(sr, root2)) {
      return Verification.failed(
          Reason.ROOT_MISMATCH,
          "the proof from tree size "
              + size1
              + " does not lead to the given root of tree size "
              + size2);
    }
    return Verification.verified();
  }

  /** Names the first missing or wrongly sized hash, or returns null when all are well formed. */
  private static String malformed(
      List<byte[]> proof, String firstName, byte[] first, String secondName, byte[] second) {
    if (proof == null) {
      return "the proof is missing";
    }
    if (!isHash(first)) {
      return "the " + firstName + " " + describe(first);
    }
    if (!isHash(second)) {
      return "the " + secondName + " " + describe(second);
    }
    for (int i = 0; i < proof.size(); i++) {
      if (!isHash(proof.get(i))) {
        return "proof component " + i + " " + describe(proof.get(i));
      }
    }
    return null;
  }

  private static boolean isHash(byte[] value) {
    return value != null && value.length == MerkleHashes.HASH_SIZE;
  }

  private static String describe(byte[] value) {
    return value == null
        ? "is missing"
        : "has " + value.length + " bytes instead of " + MerkleHashes.HASH_SIZE;
  }

  private static Verification tooLong(List<byte[]> proof) {
    return Verification.failed(
        Reason.WRONG_PROOF_LENGTH, "the proof has too many components (" + proof.size() + ")");
  }

  private static Verification tooShort(List<byte[]> proof) {
    return Verification.failed(
        Reason.WRONG_PROOF_LENGTH, "the proof has too few components (" + proof.size() + ")");
  }
}

package eu.focus.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.contract.audit.Verification.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gives a failure with its reason, never an exception. */
class MerkleProofsTest {

  private static final MerkleTree TREE = new MerkleTree();

  static {
    for (int i = 0; i < 11; i++) {
      TREE.appendEntry(("entry " + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final byte[] ROOT = TREE.rootHash(11);
  private static final byte[] LEAF = TREE.leafHash(3);
  private static final List<byte[]> PROOF = TREE.inclusionProof(3, 11);

  @Test
  void inclusionFailuresNameTheirReason() {
    assertThat(reason(MerkleProofs.verifyInclusion(-1, 11, LEAF, PROOF, ROOT)))
        .isEqualTo(Reason.OUT_OF_RANGE);
    assertThat(reason(MerkleProofs.verifyInclusion(3, Long.MIN_VALUE, LEAF, PROOF, ROOT)))
        .isEqualTo(Reason.OUT_OF_RANGE);
    assertThat(reason(MerkleProofs.verifyInclusion(11, 11, LEAF, PROOF, ROOT)))
        .isEqualTo(Reason.OUT_OF_RANGE);
    assertThat(reason(MerkleProofs.verifyInclusion(3, 11, null, PROOF, ROOT)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(MerkleProofs.verifyInclusion(3, 11, LEAF, null, ROOT)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(MerkleProofs.verifyInclusion(3, 11, LEAF, PROOF, new byte[33])))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(MerkleProofs.verifyInclusion(3, 11, LEAF, withNull(PROOF), ROOT)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(MerkleProofs.verifyInclusion(3, 11, LEAF, PROOF.subList(0, 3), ROOT)))
        .isEqualTo(Reason.WRONG_PROOF_LENGTH);
    assertThat(reason(MerkleProofs.verifyInclusion(3, 11, LEAF, append(PROOF, ROOT), ROOT)))
        .isEqualTo(Reason.WRONG_PROOF_LENGTH);
    assertThat(reason(MerkleProofs.verifyInclusion(3, Long.MAX_VALUE, LEAF, PROOF, ROOT)))
        .isEqualTo(Reason.WRONG_PROOF_LENGTH);
    assertThat(reason(MerkleProofs.verifyInclusion(4, 11, LEAF, PROOF, ROOT)))
        .isEqualTo(Reason.ROOT_MISMATCH);
  }

  @Test
  void consistencyFailuresNameTheirReason() {
    byte[] root6 = TREE.rootHash(6);
    List<byte[]> proof = TREE.consistencyProof(6, 11);
    assertThat(MerkleProofs.verifyConsistency(6, 11, proof, root6, ROOT))
        .isEqualTo(Verification.verified());

    assertThat(reason(MerkleProofs.verifyConsistency(7, 6, proof, root6, ROOT)))
        .isEqualTo(Reason.OUT_OF_RANGE);
    assertThat(reason(MerkleProofs.verifyConsistency(-6, 11, proof, root6, ROOT)))
        .isEqualTo(Reason.OUT_OF_RANGE);
    assertThat(reason(MerkleProofs.verifyConsistency(0, 11, proof, root6, ROOT)))
        .isEqualTo(Reason.OUT_OF_RANGE);
    assertThat(reason(MerkleProofs.verifyConsistency(6, 11, null, root6, ROOT)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(MerkleProofs.verifyConsistency(6, 11, proof, null, ROOT)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(MerkleProofs.verifyConsistency(6, 11, withNull(proof), root6, ROOT)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(MerkleProofs.verifyConsistency(6, 11, List.of(), root6, ROOT)))
        .isEqualTo(Reason.WRONG_PROOF_LENGTH);
    assertThat(reason(MerkleProofs.verifyConsistency(6, 11, append(proof, ROOT), root6, ROOT)))
        .isEqualTo(Reason.WRONG_PROOF_LENGTH);
    assertThat(reason(MerkleProofs.verifyConsistency(6, 6, proof, root6, root6)))
        .isEqualTo(Reason.WRONG_PROOF_LENGTH);
    assertThat(reason(MerkleProofs.verifyConsistency(6, 6, List.of(), root6, ROOT)))
        .isEqualTo(Reason.ROOT_MISMATCH);
    assertThat(reason(MerkleProofs.verifyConsistency(6, 11, proof, TREE.rootHash(5), ROOT)))
        .isEqualTo(Reason.FIRST_ROOT_MISMATCH);
    assertThat(reason(MerkleProofs.verifyConsistency(6, 11, proof, root6, TREE.rootHash(10))))
        .isEqualTo(Reason.ROOT_MISMATCH);
  }

  @Test
  void aProofForOneTreeDoesNotServeAnother() {
    // Rewriting history: the same leaf and proof shape, but leaf 3 was changed before size 11.
    MerkleTree rewritten = new MerkleTree();
    for (int i = 0; i < 11; i++) {
      rewritten.appendEntry(("entry " + (i == 3 ? "changed" : i)).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(
            reason(
                MerkleProofs.verifyConsistency(
                    6, 11, rewritten.consistencyProof(6, 11), TREE.rootHash(6), ROOT)))
        .isIn(Reason.FIRST_ROOT_MISMATCH, Reason.ROOT_MISMATCH);
    assertThat(
            reason(
                MerkleProofs.verifyInclusion(
                    3, 11, rewritten.leafHash(3), rewritten.inclusionProof(3, 11), ROOT)))
        .isEqualTo(Reason.ROOT_MISMATCH);
  }

  private static Reason reason(Verification verification) {
    assertThat(verification).isInstanceOf(Verification.Failed.class);
    Verification.Failed failed = (Verification.Failed) verification;
    assertThat(failed.detail()).isNotBlank();
    return failed.reason();
  }

  private static List<byte[]> withNull(List<byte[]> proof) {
    List<byte[]> copy = new ArrayList<>(proof);
    copy.set(0, null);
    return copy;
  }

  private static List<byte[]> append(List<byte[]> proof, byte[] extra) {
    List<byte[]> copy = new ArrayList<>(proof);
    copy.add(Arrays.copyOf(extra, extra.length));
    return copy;
  }
}

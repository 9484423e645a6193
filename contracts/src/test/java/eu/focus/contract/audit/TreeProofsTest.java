package eu.focus.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.focus.contract.audit.CompactRange.Node;
import eu.focus.contract.audit.CompactRange.StoredNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeProofsTest {

  private static final int MAX = 70;

  /** The perfect subtrees a database log stores, built exactly as the sequencer builds them. */
  private final Map<Node, byte[]> store = new HashMap<>();

  private final MerkleTree reference = new MerkleTree();

  TreeProofsTest() {
    CompactRange range = new CompactRange();
    for (int i = 0; i < MAX; i++) {
      byte[] leaf = MerkleHashes.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8));
      reference.appendLeafHash(leaf);
      store.put(new Node(0, i), leaf);
      for (StoredNode n : range.append(leaf)) {
        store.put(n.node(), n.hash());
      }
    }
  }

  @Test
  void inclusionProofsFromStoredNodesEqualTheReferenceAndVerify() {
    for (long n = 1; n <= MAX; n++) {
      for (long m = 0; m < n; m++) {
        List<byte[]> proof = TreeProofs.inclusion(m, n).assemble(store);
        assertThat(proof)
            .as("inclusion(%d, %d)", m, n)
            .containsExactlyElementsOf(reference.inclusionProof(m, n));
        assertThat(
                MerkleProofs.verifyInclusion(
                    m, n, reference.leafHash(m), proof, reference.rootHash(n)))
            .isEqualTo(Verification.verified());
      }
    }
  }

  @Test
  void consistencyProofsFromStoredNodesEqualTheReferenceAndVerify() {
    for (long n = 1; n <= MAX; n++) {
      for (long m = 1; m <= n; m++) {
        List<byte[]> proof = TreeProofs.consistency(m, n).assemble(store);
        assertThat(proof)
            .as("consistency(%d, %d)", m, n)
            .containsExactlyElementsOf(reference.consistencyProof(m, n));
        assertThat(
                MerkleProofs.verifyConsistency(
                    m, n, proof, reference.rootHash(m), reference.rootHash(n)))
            .isEqualTo(Verification.verified());
      }
    }
  }

  @Test
  void rootsFromStoredNodesEqualTheReference() {
    for (long n = 0; n <= MAX; n++) {
      assertThat(TreeProofs.root(n).assemble(store).get(0))
          .as("root(%d)", n)
          .isEqualTo(reference.rootHash(n));
    }
  }

  @Test
  void proofsNeedOnlyLogarithmicallyManyNodes() {
    long size = 1_000_000;
    assertThat(TreeProofs.inclusion(123_456, size).nodes()).hasSizeLessThanOrEqualTo(2 * 20);
    assertThat(TreeProofs.consistency(333_333, size).nodes()).hasSizeLessThanOrEqualTo(2 * 20);
    assertThat(TreeProofs.inclusion(size - 1, size).nodes())
        .allMatch(node -> (node.index() + 1) << node.level() <= size);
  }

  @Test
  void refusesImpossibleSizesAndNamesAMissingNode() {
    assertThatThrownBy(() -> TreeProofs.inclusion(5, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeProofs.consistency(0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeProofs.consistency(6, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeProofs.inclusion(3, 100).assemble(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no node");
  }
}

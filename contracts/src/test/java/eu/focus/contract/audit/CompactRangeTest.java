package eu.focus.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.focus.contract.audit.CompactRange.Node;
import eu.focus.contract.audit.CompactRange.StoredNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactRangeTest {

  @Test
  void rootEqualsTheReferenceTreeAtEverySize() {
    MerkleTree reference = new MerkleTree();
    CompactRange range = new CompactRange();
    assertThat(range.root()).isEqualTo(MerkleHashes.emptyTreeHash());
    for (int i = 0; i < 300; i++) {
      byte[] entry = ("entry " + i).getBytes(StandardCharsets.UTF_8);
      reference.appendEntry(entry);
      range.append(MerkleHashes.leafHash(entry));
      assertThat(range.size()).isEqualTo(i + 1);
      assertThat(range.root()).as("root at size %d", i + 1).isEqualTo(reference.rootHash(i + 1));
    }
  }

  @Test
  void completedNodesAreThePerfectSubtreesAndSeedARangeThatContinuesIdentically() {
    Map<Node, byte[]> store = new HashMap<>();
    CompactRange range = new CompactRange();
    MerkleTree reference = new MerkleTree();
    for (int i = 0; i < 100; i++) {
      byte[] leaf = MerkleHashes.leafHash(new byte[] {(byte) i});
      reference.appendLeafHash(leaf);
      store.put(new Node(0, i), leaf);
      for (StoredNode n : range.append(leaf)) {
        store.put(n.node(), n.hash());
      }
    }
    // every stored interior node is the root of its leaves in the reference tree
    for (Map.Entry<Node, byte[]> e : store.entrySet()) {
      Node n = e.getKey();
      long first = n.index() << n.level();
      MerkleTree sub = new MerkleTree();
      for (long l = first; l < first + (1L << n.level()); l++) {
        sub.appendLeafHash(reference.leafHash(l));
      }
      assertThat(e.getValue()).as("%s", n).isEqualTo(sub.rootHash(sub.size()));
    }
    for (long size : new long[] {1, 2, 3, 37, 64, 99, 100}) {
      List<byte[]> seed = new ArrayList<>();
      for (Node n : CompactRange.subtrees(size)) {
        seed.add(store.get(n));
      }
      CompactRange resumed = CompactRange.of(size, seed);
      assertThat(resumed.root()).isEqualTo(reference.rootHash(size));
    }
  }

  @Test
  void subtreesFollowTheBitsOfTheSize() {
    assertThat(CompactRange.subtrees(0)).isEmpty();
    assertThat(CompactRange.subtrees(13))
        .containsExactly(new Node(3, 0), new Node(2, 2), new Node(0, 12));
    assertThatThrownBy(() -> CompactRange.of(13, List.of(new byte[32])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

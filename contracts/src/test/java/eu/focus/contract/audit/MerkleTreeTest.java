package eu.focus.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private static final int MAX_SIZE = 70;

  /**
   * The eight entries from which the numbered transparency-dev vector folders (0 to 4) were made:
   * the RFC 6962 reference test data (transparency-dev/merkle {@code proof/verify_test.go}).
   */
  private static final List<String> REFERENCE_ENTRIES_HEX =
      List.of(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  private static MerkleTree tree;

  @BeforeAll
  static void buildTree() {
    tree = new MerkleTree();
    for (int i = 0; i < MAX_SIZE; i++) {
      tree.appendEntry(("audit entry " + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void hashesFollowRfc9162() {
    HexFormat hex = HexFormat.of();
    assertThat(hex.formatHex(MerkleHashes.emptyTreeHash()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // SHA-256 of the single byte 0x00: the leaf hash of an empty entry.
    assertThat(hex.formatHex(MerkleHashes.leafHash(new byte[0])))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    assertThat(new MerkleTree().rootHash(0)).isEqualTo(MerkleHashes.emptyTreeHash());
  }

  @Test
  void everyInclusionProofVerifiesAndAnyFlippedByteBreaksIt() {
    for (long n = 1; n <= MAX_SIZE; n++) {
      byte[] root = tree.rootHash(n);
      for (long m = 0; m < n; m++) {
        byte[] leaf = tree.leafHash(m);
        List<byte[]> proof = tree.inclusionProof(m, n);
        assertThat(MerkleProofs.verifyInclusion(m, n, leaf, proof, root))
            .as("leaf %d in tree of size %d", m, n)
            .isEqualTo(Verification.verified());

        long index = m;
        long size = n;
        assertEveryFlipFails(
            proof, p -> MerkleProofs.verifyInclusion(index, size, leaf, p, root), "proof");
        assertEveryFlipFails(
            List.of(root),
            r -> MerkleProofs.verifyInclusion(index, size, leaf, proof, r.get(0)),
            "root");
        assertEveryFlipFails(
            List.of(leaf),
            l -> MerkleProofs.verifyInclusion(index, size, l.get(0), proof, root),
            "leaf");
      }
    }
  }

  @Test
  void everyConsistencyProofVerifiesAndAnyFlippedByteBreaksIt() {
    for (long n = 1; n <= MAX_SIZE; n++) {
      byte[] root2 = tree.rootHash(n);
      for (long m = 1; m <= n; m++) {
        byte[] root1 = tree.rootHash(m);
        List<byte[]> proof = tree.consistencyProof(m, n);
        assertThat(MerkleProofs.verifyConsistency(m, n, proof, root1, root2))
            .as("from size %d to %d", m, n)
            .isEqualTo(Verification.verified());

        long size1 = m;
        long size2 = n;
        assertEveryFlipFails(
            proof, p -> MerkleProofs.verifyConsistency(size1, size2, p, root1, root2), "proof");
        assertEveryFlipFails(
            List.of(root1),
            r -> MerkleProofs.verifyConsistency(size1, size2, proof, r.get(0), root2),
            "root1");
        assertEveryFlipFails(
            List.of(root2),
            r -> MerkleProofs.verifyConsistency(size1, size2, proof, root1, r.get(0)),
            "root2");
      }
    }
  }

  @Test
  void proofLengthsAreThoseOfRfc9162() {
    // A tree of 2^k leaves gives inclusion proofs of k hashes; 1 to 8 leaves is the RFC figure.
    assertThat(tree.inclusionProof(0, 64)).hasSize(6);
    assertThat(tree.inclusionProof(6, 7)).hasSize(2);
    assertThat(tree.inclusionProof(0, 1)).isEmpty();
    assertThat(tree.consistencyProof(4, 8)).hasSize(1);
    assertThat(tree.consistencyProof(3, 7)).hasSize(4);
    assertThat(tree.consistencyProof(5, 5)).isEmpty();
  }

  @Test
  void rootsAndProofsMatchTheVectorsBuiltFromTheReferenceEntries() {
    MerkleTree reference = new MerkleTree();
    REFERENCE_ENTRIES_HEX.forEach(e -> reference.appendEntry(HexFormat.of().parseHex(e)));
    int compared = 0;

    for (String file : Rfc9162VectorsTest.inclusionFiles()) {
      Rfc9162Vectors.Inclusion v = Rfc9162Vectors.inclusion(file);
      if (file.matches("[0-4]/happy-path\\.json")) {
        assertThat(reference.leafHash(v.leafIndex())).as(file).isEqualTo(v.leafHash());
        assertThat(reference.rootHash(v.treeSize())).as(file).isEqualTo(v.root());
        assertThat(reference.inclusionProof(v.leafIndex(), v.treeSize()))
            .as(file)
            .containsExactlyElementsOf(v.proof());
        compared++;
      }
    }
    for (String file : Rfc9162VectorsTest.consistencyFiles()) {
      Rfc9162Vectors.Consistency v = Rfc9162Vectors.consistency(file);
      if (file.matches("[0-4]/happy-path\\.json")) {
        assertThat(reference.rootHash(v.size1())).as(file).isEqualTo(v.root1());
        assertThat(reference.rootHash(v.size2())).as(file).isEqualTo(v.root2());
        assertThat(reference.consistencyProof(v.size1(), v.size2()))
            .as(file)
            .containsExactlyElementsOf(v.proof());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(10);

    // The single-entry vectors use a one-leaf tree of the entry "data".
    Rfc9162Vectors.Inclusion single =
        Rfc9162Vectors.inclusion("single-entry/matching-root-and-leaf.json");
    MerkleTree data = new MerkleTree();
    data.appendEntry("data".getBytes(StandardCharsets.US_ASCII));
    assertThat(data.rootHash(1)).isEqualTo(single.root());
  }

  @Test
  void treeRefusesSizesAndIndexesItDoesNotHave() {
    assertThatThrownBy(() -> tree.rootHash(MAX_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(5, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(6, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.appendLeafHash(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void returnedHashesAreCopies() {
    byte[] root = tree.rootHash(3);
    root[0] ^= 1;
    tree.leafHash(0)[0] ^= 1;
    tree.inclusionProof(0, 2).get(0)[0] ^= 1;

    assertThat(tree.rootHash(3)).isNotEqualTo(root);
    assertThat(
            MerkleProofs.verifyInclusion(
                0, 2, tree.leafHash(0), tree.inclusionProof(0, 2), tree.rootHash(2)))
        .isEqualTo(Verification.verified());
  }

  /**
   * Flips one bit in each byte of each hash in turn (one flip at a time) and asserts the check
   * fails every time.
   */
  private static void assertEveryFlipFails(
      List<byte[]> hashes, Function<List<byte[]>, Verification> check, String what) {
    for (int i = 0; i < hashes.size(); i++) {
      for (int b = 0; b < hashes.get(i).length; b++) {
        List<byte[]> tampered = new ArrayList<>(hashes);
        byte[] hash = hashes.get(i).clone();
        hash[b] ^= 0x20;
        tampered.set(i, hash);
        assertThat(check.apply(tampered).ok()).as("%s %d byte %d flipped", what, i, b).isFalse();
      }
    }
  }
}

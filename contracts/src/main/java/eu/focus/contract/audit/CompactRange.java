package eu.focus.contract.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of an RFC 9162 tree: the perfect subtrees that cover leaves {@code [0, size)}, at
 * most one per level, largest first. Appending a leaf merges equal-sized subtrees like a binary
 * counter, so a log can be extended and its root computed with O(log n) memory and amortised O(1)
 * hashes per leaf. The root is the right-to-left fold of the subtrees, which is exactly MTH of the
 * RFC's left-balanced tree. The database log seeds one from its stored nodes; the offline verifier
 * streams a whole export through one.
 *
 * <p>Not thread-safe.
 */
public final class CompactRange {

  private final List<byte[]> hashes = new ArrayList<>();
  private final List<Integer> levels = new ArrayList<>();
  private long size;

  /** An empty range (tree size 0). */
  public CompactRange() {}

  /**
   * A range seeded with the perfect subtrees of a tree of {@code size} leaves.
   *
   * @param size the tree size
   * @param subtreeHashes the hashes of {@link #subtrees(long)} of {@code size}, in that order
   * @throws IllegalArgumentException if the number of hashes does not match the size
   */
  public static CompactRange of(long size, List<byte[]> subtreeHashes) {
    List<Node> shape = subtrees(size);
    if (shape.size() != subtreeHashes.size()) {
      throw new IllegalArgumentException(
          "A tree of "
              + size
              + " leaves has "
              + shape.size()
              + " subtrees, not "
              + subtreeHashes.size());
    }
    CompactRange range = new CompactRange();
    for (int i = 0; i < shape.size(); i++) {
      range.levels.add(shape.get(i).level());
      range.hashes.add(subtreeHashes.get(i).clone());
    }
    range.size = size;
    return range;
  }

  /**
   * The perfect subtrees covering leaves {@code [0, size)}, largest (leftmost) first: one per set
   * bit of {@code size}.
   *
   * @param size the tree size, not negative
   * @return the nodes, as (level, index at that level)
   */
  public static List<Node> subtrees(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("Tree size must not be negative: " + size);
    }
    List<Node> nodes = new ArrayList<>();
    long start = 0;
    for (int level = 62; level >= 0; level--) {
      long width = 1L << level;
      if ((size & width) != 0) {
        nodes.add(new Node(level, start >>> level));
        start += width;
      }
    }
    return nodes;
  }

  /**
   * Appends one leaf.
   *
   * @param leafHash the leaf's hash ({@link MerkleHashes#leafHash})
   * @return the interior nodes completed by this append, lowest first, so a store can keep them
   */
  public List<StoredNode> append(byte[] leafHash) {
    List<StoredNode> completed = new ArrayList<>();
    byte[] hash = leafHash.clone();
    int level = 0;
    long index = size;
    while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
      byte[] left = hashes.remove(hashes.size() - 1);
      levels.remove(levels.size() - 1);
      hash = MerkleHashes.nodeHash(left, hash);
      level++;
      index >>>= 1;
      completed.add(new StoredNode(new Node(level, index), hash));
    }
    hashes.add(hash);
    levels.add(level);
    size++;
    return completed;
  }

  /** The number of leaves covered. */
  public long size() {
    return size;
  }

  /** The root hash MTH(D[0:size]); the empty-tree hash when nothing was appended. */
  public byte[] root() {
    if (hashes.isEmpty()) {
      return MerkleHashes.emptyTreeHash();
    }
    byte[] root = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      root = MerkleHashes.nodeHash(hashes.get(i), root);
    }
    return root.clone();
  }

  /**
   * A node of the tree: the perfect subtree of {@code 2^level} leaves starting at leaf {@code index
   * * 2^level}. Level 0 nodes are leaves.
   */
  public record Node(int level, long index) {}

  /** A node with its hash. */
  public record StoredNode(Node node, byte[] hash) {}
}

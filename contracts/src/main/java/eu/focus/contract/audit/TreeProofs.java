package eu.focus.contract.audit;

import eu.focus.contract.audit.CompactRange.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proofs and roots of an RFC 9162 tree from a store that keeps only <em>perfect</em> subtrees (the
 * nodes {@link CompactRange#append} completes, and the leaf hashes at level 0).
 *
 * <p>Each proof component of RFC 9162 §2.1.3.1 (PATH) and §2.1.4.1 (SUBPROOF) is the hash MTH of a
 * range of leaves. Inside a left-balanced tree such a range starts at a multiple of a power of two
 * at least its length, so it splits into the perfect subtrees of its set bits, largest first (the
 * same shape as {@link CompactRange#subtrees}), and its hash is their right-to-left fold. A store
 * thus answers any proof from O(log n) stored nodes, which a caller fetches in one query: first ask
 * the {@link Plan} which {@link Plan#nodes() nodes} it needs, then {@link Plan#assemble} the proof
 * from their hashes.
 */
public final class TreeProofs {

  private TreeProofs() {}

  /**
   * What the inclusion proof of leaf {@code index} in the tree of {@code size} leaves needs.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static Plan inclusion(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not within a tree of size " + size);
    }
    List<List<Node>> components = new ArrayList<>();
    path(index, 0, size, components);
    return new Plan(components);
  }

  /**
   * What the consistency proof from tree size {@code first} to {@code second} needs.
   *
   * @throws IllegalArgumentException unless {@code 0 < first <= second}
   */
  public static Plan consistency(long first, long second) {
    if (first <= 0 || second < first) {
      throw new IllegalArgumentException(
          "no consistency proof from tree size " + first + " to " + second);
    }
    List<List<Node>> components = new ArrayList<>();
    if (first < second) {
      subproof(first, 0, second, true, components);
    }
    return new Plan(components);
  }

  /** What the root of the tree of {@code size} leaves needs: one component, empty for size 0. */
  public static Plan root(long size) {
    return new Plan(List.of(CompactRange.subtrees(size)));
  }

  /** PATH(m, D[lo:hi]) of RFC 9162 §2.1.3.1, leaf level first. */
  private static void path(long m, long lo, long hi, List<List<Node>> out) {
    if (hi - lo == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(hi - lo);
    if (m - lo < k) {
      path(m, lo, lo + k, out);
      out.add(range(lo + k, hi));
    } else {
      path(m, lo + k, hi, out);
      out.add(range(lo, lo + k));
    }
  }

  /** SUBPROOF(m, D[lo:hi], b) of RFC 9162 §2.1.4.1, with m counted from lo. */
  private static void subproof(long m, long lo, long hi, boolean b, List<List<Node>> out) {
    long n = hi - lo;
    if (m == n) {
      if (!b) {
        out.add(range(lo, hi));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, lo, lo + k, b, out);
      out.add(range(lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false, out);
      out.add(range(lo, lo + k));
    }
  }

  /** The perfect subtrees covering leaves [from, to), largest first; from is suitably aligned. */
  private static List<Node> range(long from, long to) {
    List<Node> nodes = new ArrayList<>();
    long start = from;
    long length = to - from;
    for (int level = 62; level >= 0; level--) {
      long width = 1L << level;
      if ((length & width) != 0) {
        nodes.add(new Node(level, start >>> level));
        start += width;
      }
    }
    return nodes;
  }

  private static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  /**
   * The stored nodes a proof or root is made of.
   *
   * @param components per proof component, the perfect subtrees whose fold is its hash
   */
  public record Plan(List<List<Node>> components) {

    public Plan {
      components = components.stream().map(List::copyOf).toList();
    }

    /** Every distinct node to fetch, in a stable order. */
    public List<Node> nodes() {
      Set<Node> all = new LinkedHashSet<>();
      components.forEach(all::addAll);
      return List.copyOf(all);
    }

    /**
     * The proof hashes (or, for {@link TreeProofs#root}, the one root hash; the empty tree's hash
     * for size 0).
     *
     * @param hashes the stored hash of at least every node of {@link #nodes()}
     * @throws IllegalStateException naming a node the store did not have
     */
    public List<byte[]> assemble(Map<Node, byte[]> hashes) {
      List<byte[]> proof = new ArrayList<>(components.size());
      for (List<Node> component : components) {
        if (component.isEmpty()) {
          proof.add(MerkleHashes.emptyTreeHash());
          continue;
        }
        byte[] hash = null;
        for (Node node : reversed(component)) {
          byte[] stored = hashes.get(node);
          if (stored == null) {
            throw new IllegalStateException("the store has no node " + node);
          }
          hash = hash == null ? stored.clone() : MerkleHashes.nodeHash(stored, hash);
        }
        proof.add(hash);
      }
      return proof;
    }

    private static List<Node> reversed(List<Node> nodes) {
      List<Node> copy = new ArrayList<>(nodes);
      Collections.reverse(copy);
      return copy;
    }
  }
}

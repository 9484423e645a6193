package eu.focus.gateway.audit.merkle;

import java.time.Instant;

/**
 * The result of verifying the stored log ({@link DatabaseLogVerifier}): intact, or the first
 * problem with the leaf index and entry id it names. Sizes, indexes and ids only, never content.
 *
 * @param intact whether every check passed
 * @param treeSize the tree size checked (the head's)
 * @param checkpointsChecked how many signed checkpoints the recomputed roots were compared with
 * @param problem what is wrong; null when intact
 * @param leafIndex the first bad leaf, when the problem is about an entry or node
 * @param entryId the entry at that leaf, when known
 * @param detail what was found, in English
 * @param checkedAt when the check ran
 */
public record LogCheck(
    boolean intact,
    long treeSize,
    int checkpointsChecked,
    Problem problem,
    Long leafIndex,
    String entryId,
    String detail,
    Instant checkedAt) {

  /** Why a stored log fails. */
  public enum Problem {
    /** A row's columns no longer say what its canonical (hashed) text says: a column was edited. */
    COLUMNS_CHANGED,
    /**
     * A row's canonical text does not hash to its stored leaf hash: the text was edited, or rows
     * were moved.
     */
    LEAF_HASH_MISMATCH,
    /** A leaf index is missing: a leaf row was deleted. */
    LEAF_MISSING,
    /** A leaf names an entry that no longer exists: an audit row was deleted. */
    ENTRY_MISSING,
    /**
     * An entry is neither in the tree nor waiting for it: written around the log, or its leaf
     * deleted.
     */
    ENTRY_NOT_LOGGED,
    /** A stored node is missing or is not the hash of its two children. */
    NODE_MISMATCH,
    /**
     * The entries rebuild another root than a signed checkpoint of that size: history was rewritten
     * consistently (entries, leaf hashes and nodes). The first entry after the last checkpoint that
     * still matches is named, since nothing finer is signed.
     */
    CHECKPOINT_MISMATCH,
    /** A signed checkpoint counts more entries than the tree holds: the log was truncated. */
    CHECKPOINT_BEYOND_TREE,
    /** A kept checkpoint is not signed by the gateway's key or does not match its columns. */
    CHECKPOINT_SIGNATURE,
    /** The stored tree head disagrees with the tree rebuilt from the entries. */
    HEAD_MISMATCH
  }

  static LogCheck intact(long treeSize, int checkpoints, Instant at) {
    return new LogCheck(true, treeSize, checkpoints, null, null, null, "intact", at);
  }

  static LogCheck broken(
      long treeSize,
      int checkpoints,
      Problem problem,
      Long leafIndex,
      String entryId,
      String detail,
      Instant at) {
    return new LogCheck(false, treeSize, checkpoints, problem, leafIndex, entryId, detail, at);
  }
}

package eu.focus.contract.audit;

import eu.focus.contract.audit.CheckpointVerification.Accepted;
import eu.focus.contract.audit.CheckpointVerification.Rejected;
import eu.focus.contract.audit.LogVerification.Broken;
import eu.focus.contract.audit.LogVerification.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks an exported audit log offline against a signed checkpoint, and names the first entry that
 * is not as signed (see {@link LogExport} for what the export carries and why).
 *
 * <p>The steps: the checkpoint's signature; the signatures of the export's checkpoints and of any
 * earlier checkpoints the auditor kept (the <em>trusted</em> ones); then the root of every signed
 * prefix is recomputed from the entries, smallest first. Having the entries themselves, comparing
 * each prefix root is the consistency check: a consistency proof is only needed by someone who
 * holds roots but not entries. A trusted checkpoint larger than the one verified against is
 * reported (the log shrank or an old checkpoint was given), and so are two signed trees of the same
 * size (a fork).
 *
 * <p>What it cannot do: inside the bracket between two checkpoints, an entry is named exactly only
 * when the stored leaf hashes survived (they then rebuild the signed root) or a leaf index shows
 * the gap; an attacker who rewrites content, leaf hashes and indexes consistently is caught, but
 * only bracketed to the checkpoint interval. Entries after the last checkpoint are not covered at
 * all. One pass computes every signed prefix root ({@link CompactRange}), so the cost is linear in
 * the entries whatever the number of checkpoints; the entries' hashes are held in memory (about 100
 * bytes per entry).
 */
public final class LogVerifier {

  private final CheckpointVerifier checkpoints;

  /**
   * @param checkpoints the verifier holding the log's public key
   */
  public LogVerifier(CheckpointVerifier checkpoints) {
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
  }

  /** Checks an export against a signed checkpoint, with no earlier trusted checkpoints. */
  public LogVerification verify(LogExport export, String signedCheckpoint) {
    return verify(export, signedCheckpoint, List.of());
  }

  /**
   * Checks an export against a signed checkpoint.
   *
   * @param export the exported log
   * @param signedCheckpoint the checkpoint note to verify against (typically the latest one)
   * @param trustedCheckpoints checkpoint notes the auditor obtained earlier, independently of the
   *     export; may be empty
   * @return {@link LogVerification.Intact} or the first problem found; never throws on bad input
   */
  public LogVerification verify(
      LogExport export, String signedCheckpoint, List<String> trustedCheckpoints) {
    CheckpointVerification head = checkpoints.verify(signedCheckpoint);
    if (head instanceof Rejected rejected) {
      return checkpointProblem("the checkpoint to verify against: " + rejected.reason());
    }
    Checkpoint target = ((Accepted) head).checkpoint();
    if (export == null || export.entries() == null) {
      return new Broken(Problem.MALFORMED_EXPORT, 0, 0, "the export has no entry list");
    }

    TreeMap<Long, Checkpoint> anchors = new TreeMap<>();
    anchors.put(target.size(), target);
    Broken bad = addAnchors(anchors, target, export.checkpoints(), "exported");
    if (bad == null) {
      bad = addAnchors(anchors, target, trustedCheckpoints, "trusted");
    }
    if (bad != null) {
      return bad;
    }

    int available = (int) Math.min(export.entries().size(), target.size());
    List<byte[]> computed = new ArrayList<>(available);
    List<byte[]> recorded = new ArrayList<>(available);
    List<Long> indexes = new ArrayList<>(available);
    // One pass: the roots of the signed prefixes, from the entries and from the recorded hashes.
    Map<Long, byte[]> roots = new HashMap<>();
    Map<Long, byte[]> recordedRoots = new HashMap<>();
    CompactRange tree = new CompactRange();
    CompactRange recordedTree = new CompactRange();
    for (int i = 0; i < available; i++) {
      LogExport.Entry entry = export.entries().get(i);
      if (entry == null || entry.content() == null) {
        return new Broken(Problem.MALFORMED_EXPORT, i, i, "entry " + i + " has no content");
      }
      byte[] hash = MerkleHashes.leafHash(entry.content());
      computed.add(hash);
      tree.append(hash);
      byte[] stored = entry.recordedLeafHash();
      recorded.add(stored);
      indexes.add(entry.leafIndex());
      if (recordedTree != null && stored != null && stored.length == MerkleHashes.HASH_SIZE) {
        recordedTree.append(stored);
      } else {
        recordedTree = null;
      }
      if (anchors.containsKey(tree.size())) {
        roots.put(tree.size(), tree.root());
        if (recordedTree != null) {
          recordedRoots.put(tree.size(), recordedTree.root());
        }
      }
    }

    long lo = 0;
    for (Checkpoint anchor : anchors.values()) {
      if (anchor.size() > available) {
        long to = firstEvidence(computed, recorded, indexes, lo, available - 1L);
        return new Broken(
            Problem.ENTRIES_MISSING,
            lo,
            to,
            "the export has "
                + export.entries().size()
                + " entries but a signed checkpoint counts "
                + anchor.size()
                + bracket(lo, to));
      }
      if (!Arrays.equals(rootAt(roots, anchor.size()), anchor.rootHash())) {
        long hi = anchor.size() - 1;
        String why = "the entries do not rebuild the signed root of tree size " + anchor.size();
        if (Arrays.equals(recordedRoots.get(anchor.size()), anchor.rootHash())) {
          // The recorded leaf hashes are the signed ones, so the first entry whose hash differs
          // from its recorded hash is the first bad entry, exactly.
          long first = firstHashMismatch(computed, recorded, lo, hi);
          return new Broken(
              Problem.ENTRY_MISMATCH,
              first,
              first,
              why + "; entry " + first + " is not the one signed (its recorded leaf hash is)");
        }
        long to = Math.min(hi, firstEvidence(computed, recorded, indexes, lo, hi));
        return new Broken(Problem.ENTRY_MISMATCH, lo, to, why + bracket(lo, to));
      }
      lo = anchor.size();
    }

    long metadata = firstEvidence(computed, recorded, indexes, 0, available - 1L);
    if (metadata < available) {
      return new Broken(
          Problem.METADATA_MISMATCH,
          metadata,
          metadata,
          "entry " + metadata + " is as signed but its stored leaf index or leaf hash was changed");
    }
    return new LogVerification.Intact(
        target, anchors.size(), Math.max(0, export.entries().size() - target.size()));
  }

  /** The recomputed root of a signed prefix; the empty tree's for size 0. */
  private static byte[] rootAt(Map<Long, byte[]> roots, long size) {
    return size == 0 ? MerkleHashes.emptyTreeHash() : roots.get(size);
  }

  /** Verifies checkpoint notes and adds them by size; returns the first problem, or null. */
  private Broken addAnchors(
      TreeMap<Long, Checkpoint> anchors, Checkpoint target, List<String> notes, String kind) {
    if (notes == null) {
      return null;
    }
    for (int k = 0; k < notes.size(); k++) {
      String name = kind + " checkpoint " + k;
      CheckpointVerification result = checkpoints.verify(notes.get(k));
      if (result instanceof Rejected rejected) {
        return checkpointProblem(name + ": " + rejected.reason());
      }
      Checkpoint checkpoint = ((Accepted) result).checkpoint();
      if (!checkpoint.origin().equals(target.origin())) {
        return checkpointProblem(name + " is for another log");
      }
      if (checkpoint.size() > target.size()) {
        if (kind.equals("trusted")) {
          return checkpointProblem(
              name
                  + " counts "
                  + checkpoint.size()
                  + " entries, more than the "
                  + target.size()
                  + " of the checkpoint verified against: the log shrank or an older checkpoint"
                  + " was given");
        }
        continue; // a later checkpoint in the export: not needed to check this one
      }
      Checkpoint same = anchors.putIfAbsent(checkpoint.size(), checkpoint);
      if (same != null && !Arrays.equals(same.rootHash(), checkpoint.rootHash())) {
        return checkpointProblem(
            "the log signed two different trees of size " + checkpoint.size() + " (a fork)");
      }
    }
    return null;
  }

  /**
   * The first position in lo..hi whose stored leaf index is not its position or whose recorded leaf
   * hash is not the entry's hash: a row known to be bad; hi + 1 if there is none.
   */
  private static long firstEvidence(
      List<byte[]> computed, List<byte[]> recorded, List<Long> indexes, long lo, long hi) {
    for (long i = lo; i <= hi && i < computed.size(); i++) {
      int p = (int) i;
      if (indexes.get(p) != i
          || (recorded.get(p) != null && !Arrays.equals(recorded.get(p), computed.get(p)))) {
        return i;
      }
    }
    return hi + 1;
  }

  private static long firstHashMismatch(
      List<byte[]> computed, List<byte[]> recorded, long lo, long hi) {
    for (long i = lo; i <= hi; i++) {
      if (!Arrays.equals(recorded.get((int) i), computed.get((int) i))) {
        return i;
      }
    }
    return hi;
  }

  private static String bracket(long from, long to) {
    return from == to
        ? "; the first bad entry is " + from
        : "; the first bad entry is between " + from + " and " + to;
  }

  private static Broken checkpointProblem(String detail) {
    return new Broken(Problem.CHECKPOINT, -1, -1, detail);
  }
}

package eu.focus.contract.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An exported audit log, what {@link LogVerifier} checks offline.
 *
 * <p>The export carries, per entry, the leaf index and the leaf hash the log recorded when it
 * appended the entry, and the log's signed checkpoints. None of that is trusted by itself; it is
 * what lets the verifier <em>name</em> the first bad entry rather than only say that the root is
 * wrong:
 *
 * <ul>
 *   <li>each signed checkpoint fixes the root of a prefix, so the first checkpoint whose root no
 *       longer matches brackets the first bad entry between it and the previous checkpoint;
 *   <li>if the recorded leaf hashes still rebuild that checkpoint's root, they are the signed ones,
 *       and the first entry whose own hash differs from its recorded hash is exactly the first bad
 *       entry (an edit, a swap or a deletion of content that left the hash column alone);
 *   <li>a leaf index that is not the entry's position (a deleted or moved row) narrows the bracket
 *       to that position.
 * </ul>
 *
 * @param entries the entries in leaf order; position {@code i} should be leaf {@code i}
 * @param checkpoints the signed checkpoint notes the log issued, in any order; more checkpoints
 *     give a finer bracket
 */
public record LogExport(List<Entry> entries, List<String> checkpoints) {

  public LogExport {
    // Copies that keep null elements: the verifier reports them rather than the constructor.
    entries = entries == null ? null : Collections.unmodifiableList(new ArrayList<>(entries));
    checkpoints =
        checkpoints == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(checkpoints));
  }

  /**
   * One exported entry.
   *
   * @param leafIndex the leaf index the log assigned (for the gateway, the audit row's position in
   *     commit order)
   * @param content the leaf's bytes: the entry's canonical JSON in UTF-8
   * @param recordedLeafHash the leaf hash the log stored at append time, or null if the export has
   *     none
   */
  public record Entry(long leafIndex, byte[] content, byte[] recordedLeafHash) {}
}

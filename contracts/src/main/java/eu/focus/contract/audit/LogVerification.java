package eu.focus.contract.audit;

import java.util.Objects;
import java.util.OptionalLong;

/** The outcome of checking an exported log: {@link Intact} or {@link Broken}. */
public sealed interface LogVerification permits LogVerification.Intact, LogVerification.Broken {

  /** Whether the log is as signed. */
  default boolean ok() {
    return this instanceof Intact;
  }

  /**
   * The first {@code checkpoint.size()} entries are exactly the ones the log signed.
   *
   * @param checkpoint the checkpoint verified against
   * @param checkpointsChecked how many distinct signed tree sizes the entries were checked against
   * @param uncheckpointedEntries entries in the export beyond the checkpoint, not yet covered
   */
  record Intact(Checkpoint checkpoint, int checkpointsChecked, long uncheckpointedEntries)
      implements LogVerification {}

  /**
   * The log is not as signed. When the problem is about entries, the first bad entry lies between
   * {@code from} and {@code to} (leaf indexes, both inclusive): every entry below {@code from} is
   * proven as signed, and {@code to} is the earliest entry found bad. When they are equal the entry
   * is named exactly. For {@link Problem#CHECKPOINT} both are -1.
   *
   * @param problem what kind of failure
   * @param from the lowest leaf index the first bad entry can have
   * @param to the highest leaf index the first bad entry can have
   * @param detail what was found, in English; sizes and indexes, never entry content or hashes
   */
  record Broken(Problem problem, long from, long to, String detail) implements LogVerification {

    public Broken {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(detail, "detail");
    }

    /** The first bad entry when it is known exactly. */
    public OptionalLong firstBadEntry() {
      return from >= 0 && from == to ? OptionalLong.of(from) : OptionalLong.empty();
    }
  }

  /** Why a log fails. */
  enum Problem {
    /**
     * A checkpoint is not trustworthy: bad or missing signature, another log's origin, two signed
     * trees of one size (a fork), or a trusted checkpoint larger than the one verified against.
     */
    CHECKPOINT,
    /** The export itself is incomplete: a missing entry list, entry or content. */
    MALFORMED_EXPORT,
    /** Entries differ from the signed ones: changed, deleted, reordered or replaced. */
    ENTRY_MISMATCH,
    /** The export has fewer entries than a signed checkpoint counts. */
    ENTRIES_MISSING,
    /**
     * Every entry is as signed but a stored leaf index or leaf hash beside it was changed: the rows
     * were tampered with, not the signed content.
     */
    METADATA_MISMATCH
  }
}

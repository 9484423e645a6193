package eu.focus.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.contract.audit.LogVerification.Broken;
import eu.focus.contract.audit.LogVerification.Intact;
import eu.focus.contract.audit.LogVerification.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tampering with an exported log is detected and the first bad entry named: exactly where the
 * export's recorded leaf hashes, leaf indexes or checkpoints allow, otherwise bracketed between two
 * signed checkpoints.
 */
class LogVerifierTest {

  private static final String ORIGIN = "focus-gateway.eu/audit/test";
  private static final int SIZE = 20;
  private static final int INTERVAL = 4;

  private static final CheckpointSigner SIGNER =
      new CheckpointSigner(ORIGIN, CheckpointSigner.generateKeyPair());
  private static final LogVerifier VERIFIER =
      new LogVerifier(new CheckpointVerifier(ORIGIN, SIGNER.publicKeyText()));

  /** The genuine log: 20 audit entries in canonical JSON. */
  private static final List<LogExport.Entry> ENTRIES = entries(0, SIZE, "genuine");

  private static final MerkleTree TREE = new MerkleTree();

  static {
    ENTRIES.forEach(e -> TREE.appendEntry(e.content()));
  }

  private static final String HEAD = sign(SIZE);

  @Test
  void acceptsTheGenuineLog() {
    LogVerification result = VERIFIER.verify(export(ENTRIES, INTERVAL), HEAD);

    assertThat(result).isInstanceOf(Intact.class);
    assertThat(((Intact) result).checkpointsChecked()).isEqualTo(5);
    assertThat(((Intact) result).checkpoint().size()).isEqualTo(SIZE);
  }

  @Test
  void entriesAfterTheCheckpointAreCountedButNotJudged() {
    List<LogExport.Entry> longer = new ArrayList<>(ENTRIES);
    longer.addAll(entries(SIZE, 3, "not yet checkpointed"));

    LogVerification result = VERIFIER.verify(export(longer, INTERVAL), HEAD);

    assertThat(result).isEqualTo(new Intact(checkpoint(SIZE), 5, 3));
  }

  @Test
  void namesAnEditedEntryExactlyWhenItsRecordedHashSurvived() {
    List<LogExport.Entry> log = new ArrayList<>(ENTRIES);
    log.set(9, withContent(log.get(9), "edited", false));

    assertExactly(VERIFIER.verify(export(log, INTERVAL), HEAD), Problem.ENTRY_MISMATCH, 9);
  }

  @Test
  void bracketsAnEditWhoseRecordedHashWasRewrittenToo() {
    List<LogExport.Entry> log = new ArrayList<>(ENTRIES);
    log.set(9, withContent(log.get(9), "edited", true));

    assertBetween(VERIFIER.verify(export(log, INTERVAL), HEAD), Problem.ENTRY_MISMATCH, 8, 11);
    // A checkpoint per entry names it exactly.
    assertExactly(VERIFIER.verify(export(log, 1), HEAD), Problem.ENTRY_MISMATCH, 9);
  }

  @Test
  void deletedRowIsBracketedByTheGapInLeafIndexes() {
    List<LogExport.Entry> log = new ArrayList<>(ENTRIES);
    log.remove(9);

    assertBetween(VERIFIER.verify(export(log, INTERVAL), HEAD), Problem.ENTRY_MISMATCH, 8, 9);
    assertExactly(VERIFIER.verify(export(log, 1), HEAD), Problem.ENTRY_MISMATCH, 9);
  }

  @Test
  void deletedRowWithRenumberedIndexesIsBracketedByCheckpoints() {
    List<LogExport.Entry> log = new ArrayList<>(ENTRIES);
    log.remove(9);
    log = renumbered(log);

    assertBetween(VERIFIER.verify(export(log, INTERVAL), HEAD), Problem.ENTRY_MISMATCH, 8, 11);
  }

  @Test
  void namesTheFirstOfTwoSwappedEntries() {
    // Contents swapped, hash and index columns left alone: named exactly.
    List<LogExport.Entry> contents = new ArrayList<>(ENTRIES);
    contents.set(5, withContentOf(ENTRIES.get(5), ENTRIES.get(14)));
    contents.set(14, withContentOf(ENTRIES.get(14), ENTRIES.get(5)));
    assertExactly(VERIFIER.verify(export(contents, INTERVAL), HEAD), Problem.ENTRY_MISMATCH, 5);

    // Whole rows swapped: the leaf index at position 5 is 14.
    List<LogExport.Entry> rows = new ArrayList<>(ENTRIES);
    Collections.swap(rows, 5, 14);
    assertBetween(VERIFIER.verify(export(rows, INTERVAL), HEAD), Problem.ENTRY_MISMATCH, 4, 5);

    // Rows swapped and renumbered: only the checkpoints tell.
    assertBetween(
        VERIFIER.verify(export(renumbered(rows), INTERVAL), HEAD), Problem.ENTRY_MISMATCH, 4, 7);
    assertExactly(VERIFIER.verify(export(renumbered(rows), 1), HEAD), Problem.ENTRY_MISMATCH, 5);
  }

  @Test
  void detectsTruncateAndRegrow() {
    // History rewritten from entry 10 on, back to the signed size, with consistent indexes and
    // hashes, as the log's own append code would write them.
    List<LogExport.Entry> log = new ArrayList<>(ENTRIES.subList(0, 10));
    log.addAll(entries(10, SIZE - 10, "regrown"));

    assertBetween(VERIFIER.verify(export(log, INTERVAL), HEAD), Problem.ENTRY_MISMATCH, 8, 11);
    assertExactly(VERIFIER.verify(export(log, 1), HEAD), Problem.ENTRY_MISMATCH, 10);
  }

  @Test
  void trustedCheckpointsNarrowTheBracketWhenTheExportDropsItsOwn() {
    List<LogExport.Entry> log = new ArrayList<>(ENTRIES.subList(0, 10));
    log.addAll(entries(10, SIZE - 10, "regrown"));
    LogExport withoutCheckpoints = new LogExport(log, List.of());

    assertBetween(VERIFIER.verify(withoutCheckpoints, HEAD), Problem.ENTRY_MISMATCH, 0, 19);
    assertBetween(
        VERIFIER.verify(withoutCheckpoints, HEAD, List.of(sign(8), sign(12))),
        Problem.ENTRY_MISMATCH,
        8,
        11);
  }

  @Test
  void detectsATruncatedExport() {
    List<LogExport.Entry> log = new ArrayList<>(ENTRIES.subList(0, 14));

    LogVerification result = VERIFIER.verify(export(log, INTERVAL), HEAD);

    assertBetween(result, Problem.ENTRIES_MISSING, 12, 14);
    assertThat(((Broken) result).detail()).contains("has 14 entries").contains("counts 16");
    assertExactly(VERIFIER.verify(export(log, 1), HEAD), Problem.ENTRIES_MISSING, 14);
  }

  @Test
  void namesARowWhoseIndexAloneWasChanged() {
    List<LogExport.Entry> log = new ArrayList<>(ENTRIES);
    LogExport.Entry e = log.get(3);
    log.set(3, new LogExport.Entry(33, e.content(), e.recordedLeafHash()));

    assertExactly(VERIFIER.verify(export(log, INTERVAL), HEAD), Problem.METADATA_MISMATCH, 3);
  }

  @Test
  void refusesUntrustworthyCheckpoints() {
    CheckpointSigner impostor = new CheckpointSigner(ORIGIN, CheckpointSigner.generateKeyPair());
    String forged = impostor.sign(checkpoint(SIZE));
    LogExport genuine = export(ENTRIES, INTERVAL);

    assertCheckpointProblem(VERIFIER.verify(genuine, forged), "the checkpoint to verify against");
    assertCheckpointProblem(VERIFIER.verify(genuine, null), "the checkpoint to verify against");
    assertCheckpointProblem(
        VERIFIER.verify(new LogExport(ENTRIES, List.of(impostor.sign(checkpoint(8)))), HEAD),
        "exported checkpoint 0");

    // The auditor holds a signed checkpoint larger than the one now presented: the log shrank.
    assertCheckpointProblem(
        VERIFIER.verify(export(ENTRIES.subList(0, 12), INTERVAL), sign(12), List.of(HEAD)),
        "more than the 12");

    // The log signed two different trees of size 8.
    String fork =
        SIGNER.sign(
            new Checkpoint(
                ORIGIN,
                8,
                MerkleHashes.leafHash(new byte[0]),
                Instant.parse("2026-01-01T00:00:00Z")));
    assertCheckpointProblem(
        VERIFIER.verify(genuine, HEAD, List.of(fork)), "two different trees of size 8");

    // Signed with the right key but for another log.
    String otherLog =
        SIGNER.sign(
            new Checkpoint("focus-gateway.eu/audit/other", 8, TREE.rootHash(8), Instant.EPOCH));
    assertCheckpointProblem(
        VERIFIER.verify(genuine, HEAD, List.of(otherLog)),
        "trusted checkpoint 0 is for another log");
  }

  @Test
  void refusesAMalformedExport() {
    List<LogExport.Entry> log = new ArrayList<>(ENTRIES);
    log.set(2, new LogExport.Entry(2, null, null));
    List<LogExport.Entry> withNull = new ArrayList<>(ENTRIES);
    withNull.set(4, null);

    assertThat(VERIFIER.verify(null, HEAD))
        .isEqualTo(new Broken(Problem.MALFORMED_EXPORT, 0, 0, "the export has no entry list"));
    assertExactly(VERIFIER.verify(export(log, INTERVAL), HEAD), Problem.MALFORMED_EXPORT, 2);
    assertExactly(VERIFIER.verify(export(withNull, INTERVAL), HEAD), Problem.MALFORMED_EXPORT, 4);
  }

  private static void assertExactly(LogVerification result, Problem problem, long entry) {
    assertThat(result).isInstanceOf(Broken.class);
    Broken broken = (Broken) result;
    assertThat(broken.problem()).as(broken.detail()).isEqualTo(problem);
    assertThat(broken.firstBadEntry()).as(broken.detail()).hasValue(entry);
  }

  private static void assertBetween(LogVerification result, Problem problem, long from, long to) {
    assertThat(result).isInstanceOf(Broken.class);
    Broken broken = (Broken) result;
    assertThat(broken.problem()).as(broken.detail()).isEqualTo(problem);
    assertThat(List.of(broken.from(), broken.to())).as(broken.detail()).containsExactly(from, to);
    assertThat(broken.detail()).contains("between " + from + " and " + to);
  }

  private static void assertCheckpointProblem(LogVerification result, String detail) {
    assertThat(result).isInstanceOf(Broken.class);
    Broken broken = (Broken) result;
    assertThat(broken.problem()).isEqualTo(Problem.CHECKPOINT);
    assertThat(broken.detail()).contains(detail);
    assertThat(broken.firstBadEntry()).isEmpty();
  }

  private static List<LogExport.Entry> entries(int from, int count, String note) {
    List<LogExport.Entry> entries = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      byte[] content =
          ("{\"action\":\"RECORD_READ\",\"entryId\":\"e-%d\",\"note\":\"%s\",\"outcome\":\"PERMIT\"}"
                  .formatted(i, note))
              .getBytes(StandardCharsets.UTF_8);
      entries.add(new LogExport.Entry(i, content, MerkleHashes.leafHash(content)));
    }
    return entries;
  }

  /** The export with the genuine checkpoints every {@code interval} entries. */
  private static LogExport export(List<LogExport.Entry> entries, int interval) {
    List<String> checkpoints = new ArrayList<>();
    for (int size = interval; size <= SIZE; size += interval) {
      checkpoints.add(sign(size));
    }
    return new LogExport(entries, checkpoints);
  }

  private static Checkpoint checkpoint(long size) {
    return new Checkpoint(
        ORIGIN, size, TREE.rootHash(size), Instant.parse("2026-11-29T12:00:00Z").plusSeconds(size));
  }

  private static String sign(long size) {
    return SIGNER.sign(checkpoint(size));
  }

  private static LogExport.Entry withContent(LogExport.Entry e, String note, boolean rehash) {
    byte[] content =
        (new String(e.content(), StandardCharsets.UTF_8) + note).getBytes(StandardCharsets.UTF_8);
    return new LogExport.Entry(
        e.leafIndex(), content, rehash ? MerkleHashes.leafHash(content) : e.recordedLeafHash());
  }

  private static LogExport.Entry withContentOf(LogExport.Entry row, LogExport.Entry source) {
    return new LogExport.Entry(row.leafIndex(), source.content(), row.recordedLeafHash());
  }

  private static List<LogExport.Entry> renumbered(List<LogExport.Entry> log) {
    List<LogExport.Entry> out = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      out.add(new LogExport.Entry(i, log.get(i).content(), log.get(i).recordedLeafHash()));
    }
    return out;
  }
}

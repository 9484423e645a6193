package eu.focus.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an auditor runs it, on files as the gateway's API serves them. */
class AuditVerifierCliTest {

  private static final String ORIGIN = "focus-gateway.test/audit";
  private static final CheckpointSigner SIGNER =
      new CheckpointSigner(ORIGIN, CheckpointSigner.generateKeyPair());
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final MerkleTree tree = new MerkleTree();
  private final List<byte[]> entries = new ArrayList<>();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private Path key;

  @BeforeEach
  void log() throws IOException {
    for (int i = 0; i < 40; i++) {
      byte[] entry =
          ("{\"entryId\":\"e" + i + "\",\"action\":\"DISCLOSED\"}")
              .getBytes(StandardCharsets.UTF_8);
      entries.add(entry);
      tree.appendEntry(entry);
    }
    key = write("key.pem", pem(SIGNER.publicKeyText()));
  }

  @Test
  void aWholeExportVerifiesAgainstItsLatestCheckpointAndAnEditedEntryIsNamed() throws IOException {
    Path export = export(entries, 10, 20, 40);
    assertThat(run("log", "--key", key.toString(), export.toString())).isZero();
    assertThat(output()).contains("VERIFIED: the first 40 entries");

    List<byte[]> edited = new ArrayList<>(entries);
    edited.set(
        13, "{\"entryId\":\"e13\",\"action\":\"CONSULTED\"}".getBytes(StandardCharsets.UTF_8));
    Path tampered = exportWithRecordedHashes(edited, entries, 10, 20, 40);
    assertThat(run("log", "--key", key.toString(), tampered.toString())).isEqualTo(1);
    assertThat(output())
        .contains("NOT VERIFIED (ENTRY_MISMATCH)")
        .contains("first bad entry: leaf 13");
  }

  @Test
  void anExportIsCheckedAgainstTheCheckpointTheAuditorHoldsNotOnlyTheOnesInside()
      throws IOException {
    Path older = export(entries.subList(0, 20), 10, 20);
    Path held = write("held.txt", checkpoint(40));
    assertThat(
            run("log", "--key", key.toString(), older.toString(), "--checkpoint", held.toString()))
        .isEqualTo(1);
    assertThat(output()).contains("ENTRIES_MISSING");
  }

  @Test
  void anInclusionProofVerifiesAgainstTheSignedCheckpointAndNotWithAnotherKey() throws IOException {
    Path proof = inclusion(7, 40, entries.get(7));
    assertThat(run("inclusion", "--key", key.toString(), proof.toString())).isZero();
    assertThat(output()).contains("entry e7 is leaf 7 of the tree of 40 entries");

    Path otherKey =
        write(
            "other.pem",
            pem(new CheckpointSigner(ORIGIN, CheckpointSigner.generateKeyPair()).publicKeyText()));
    assertThat(run("inclusion", "--key", otherKey.toString(), proof.toString())).isEqualTo(1);
    assertThat(output()).contains("not signed by this key");

    Path forged = inclusion(7, 40, entries.get(8));
    assertThat(run("inclusion", "--key", key.toString(), forged.toString())).isEqualTo(1);
  }

  @Test
  void aConsistencyProofShowsTheLaterTreeExtendsTheEarlierOne() throws IOException {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("first", 20).put("second", 40);
    ArrayNode proof = answer.putArray("proof");
    tree.consistencyProof(20, 40).forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));
    Path file = write("consistency.json", answer.toString());
    Path old = write("old.txt", checkpoint(20));
    Path now = write("new.txt", checkpoint(40));
    String[] args = {
      "consistency",
      "--key",
      key.toString(),
      file.toString(),
      "--old",
      old.toString(),
      "--new",
      now.toString()
    };
    assertThat(run(args)).isZero();

    Path forkedOld =
        write(
            "forked.txt",
            SIGNER.sign(new Checkpoint(ORIGIN, 20, tree.rootHash(19), Instant.now())));
    args[5] = forkedOld.toString();
    assertThat(run(args)).isEqualTo(1);
  }

  @Test
  void badUsageSaysWhatIsWrongWithStatusTwo() throws IOException {
    assertThat(run()).isEqualTo(2);
    assertThat(run("log", "--key", key.toString())).isEqualTo(2);
    assertThat(output()).contains("no file to check");
    assertThat(run("inclusion", "--key", key.toString(), write("x.json", "{}").toString()))
        .isEqualTo(2);
    assertThat(run("verify-all", "--key", key.toString(), "x")).isEqualTo(2);
  }

  private int run(String... args) {
    output.reset();
    return new AuditVerifierCli(new PrintStream(output, true, StandardCharsets.UTF_8)).run(args);
  }

  private String output() {
    return output.toString(StandardCharsets.UTF_8);
  }

  private String checkpoint(long size) {
    return SIGNER.sign(
        new Checkpoint(ORIGIN, size, tree.rootHash(size), Instant.parse("2026-11-29T12:00:00Z")));
  }

  private Path export(List<byte[]> content, long... checkpointSizes) throws IOException {
    return exportWithRecordedHashes(content, content, checkpointSizes);
  }

  private Path exportWithRecordedHashes(List<byte[]> content, List<byte[]> recorded, long... sizes)
      throws IOException {
    List<String> notes = new ArrayList<>();
    for (long s : sizes) {
      notes.add(checkpoint(s));
    }
    Path file = dir.resolve("export-" + System.nanoTime() + ".json");
    try (OutputStream out = Files.newOutputStream(file);
        LogExportJson.Writer writer = LogExportJson.writer(out, content.size(), notes)) {
      for (int i = 0; i < content.size(); i++) {
        writer.entry(i, content.get(i), MerkleHashes.leafHash(recorded.get(i)));
      }
    }
    return file;
  }

  private Path inclusion(int index, int size, byte[] entry) throws IOException {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("entryId", "e" + index).put("leafIndex", index).put("treeSize", size);
    answer.put("entry", new String(entry, StandardCharsets.UTF_8));
    ArrayNode proof = answer.putArray("proof");
    tree.inclusionProof(index, size).forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));
    answer.putObject("checkpoint").put("note", checkpoint(size));
    return write("inclusion-" + System.nanoTime() + ".json", answer.toString());
  }

  private static String pem(String base64) {
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}

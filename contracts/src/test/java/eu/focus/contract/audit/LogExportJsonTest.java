package eu.focus.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogExportJsonTest {

  @Test
  void anExportRoundTripsAndStillVerifies() throws IOException {
    CheckpointSigner signer =
        new CheckpointSigner("focus-test", CheckpointSigner.generateKeyPair());
    CompactRange range = new CompactRange();
    List<LogExport.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // Non-ASCII and escapes must survive: the leaf bytes are the canonical text's UTF-8.
      byte[] content =
          ("{\"n\":" + i + ",\"who\":\"Ștefan \\\"Ö\\\" ✓\"}").getBytes(StandardCharsets.UTF_8);
      byte[] leaf = MerkleHashes.leafHash(content);
      range.append(leaf);
      entries.add(new LogExport.Entry(i, content, leaf));
    }
    String note =
        signer.sign(
            new Checkpoint("focus-test", 5, range.root(), Instant.parse("2026-11-29T12:00:00Z")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LogExportJson.write(new LogExport(entries, List.of(note)), out);

    LogExport read = LogExportJson.read(new ByteArrayInputStream(out.toByteArray()));

    assertThat(read.checkpoints()).containsExactly(note);
    assertThat(read.entries()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(read.entries().get(i).content()).isEqualTo(entries.get(i).content());
      assertThat(read.entries().get(i).recordedLeafHash())
          .isEqualTo(entries.get(i).recordedLeafHash());
      assertThat(read.entries().get(i).leafIndex()).isEqualTo(i);
    }
    LogVerifier verifier =
        new LogVerifier(new CheckpointVerifier("focus-test", signer.publicKeyText()));
    assertThat(verifier.verify(read, note).ok()).isTrue();
  }

  @Test
  void refusesADocumentOfAnotherFormat() {
    byte[] other =
        "{\"format\":\"something-else\",\"entries\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> LogExportJson.read(new ByteArrayInputStream(other)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("focus-audit-log-export/1");
    byte[] notJson = "[1,2]".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> LogExportJson.read(new ByteArrayInputStream(notJson)))
        .isInstanceOf(IOException.class);
  }
}

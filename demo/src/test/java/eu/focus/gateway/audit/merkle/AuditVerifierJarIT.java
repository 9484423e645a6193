package eu.focus.gateway.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.support.GatewayIT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's offline check, end to end: the built {@code focus-audit-verifier.jar} (contracts)
 * run as its own process on what this gateway's API serves, with the public key given as a file.
 */
class AuditVerifierJarIT extends GatewayIT {

  private static final Path JAR = Path.of("../contracts/target/focus-audit-verifier.jar");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theVerifierJarAcceptsTheServedLogAndProofAndNamesAnEditedEntry() throws Exception {
    assertThat(JAR)
        .as("the verifier jar is built by the contracts module (./mvnw verify from the root)")
        .exists();
    String auditor = roleToken("AUDITOR");
    Response submitted = post("/api/v1/exchanges", agencyToken("ro-police"), freshSubmission("01"));
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
    String recordId = submitted.json().path("recordId").asText();
    String entryId =
        get("/api/v1/audit/entries?record=" + recordId + "&action=COLLECTED", auditor)
            .json()
            .at("/entries/0/entryId")
            .asText();
    Response signed = post("/api/v1/audit/checkpoints", auditor, JSON.createObjectNode());
    assertThat(signed.status()).as(signed.text()).isEqualTo(201);
    Path key =
        write(
            "gateway-audit.pub",
            get("/api/v1/audit/log", auditor).json().path("publicKey").asText());
    Path export = write("export.json", get("/api/v1/audit/log/export", auditor).text());
    Path proof =
        write(
            "inclusion.json",
            get("/api/v1/audit/proofs/inclusion?entry=" + entryId, auditor).text());

    Run log = verify("log", "--key", key.toString(), export.toString());
    assertThat(log.status()).as(log.output()).isZero();
    assertThat(log.output()).startsWith("VERIFIED");
    Run inclusion = verify("inclusion", "--key", key.toString(), proof.toString());
    assertThat(inclusion.status()).as(inclusion.output()).isZero();
    assertThat(inclusion.output()).contains("entry " + entryId + " is leaf");

    // an auditor's copy edited after export: the jar names the entry
    JsonNode tree = JSON.readTree(export.toFile());
    ObjectNode edited = (ObjectNode) tree.path("entries").get(1);
    edited.put("entry", edited.path("entry").asText().replace("\"action\":\"", "\"action\":\"X"));
    Path tampered = write("tampered.json", JSON.writeValueAsString(tree));
    Run broken = verify("log", "--key", key.toString(), tampered.toString());
    assertThat(broken.status()).as(broken.output()).isEqualTo(1);
    assertThat(broken.output()).contains("first bad entry: leaf 1");
  }

  private record Run(int status, String output) {}

  private Run verify(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}

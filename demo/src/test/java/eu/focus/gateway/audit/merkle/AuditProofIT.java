package eu.focus.gateway.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.audit.Checkpoint;
import eu.focus.contract.audit.CheckpointVerification;
import eu.focus.contract.audit.CheckpointVerifier;
import eu.focus.contract.audit.LogExport;
import eu.focus.contract.audit.LogExportJson;
import eu.focus.contract.audit.LogVerifier;
import eu.focus.contract.audit.MerkleHashes;
import eu.focus.contract.audit.MerkleProofs;
import eu.focus.contract.audit.Verification;
import eu.focus.gateway.support.GatewayIT;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An auditor's view of the Merkle log over HTTP: proofs checked as an outsider would, with only the
 * served public key and the standard algorithms, and problems for bad parameters.
 */
class AuditProofIT extends GatewayIT {

  @Autowired AuditLogService service;

  private static final Base64.Decoder B64 = Base64.getDecoder();

  private String auditor() {
    return roleToken("AUDITOR");
  }

  private CheckpointVerifier servedKey() {
    JsonNode status = get("/api/v1/audit/log", auditor()).json();
    return new CheckpointVerifier(status.get("origin").asText(), status.get("publicKey").asText());
  }

  private Checkpoint signedCheckpoint(JsonNode view, CheckpointVerifier key) {
    CheckpointVerification v = key.verify(view.get("note").asText());
    assertThat(v.ok()).as("checkpoint signature: %s", v).isTrue();
    Checkpoint c = ((CheckpointVerification.Accepted) v).checkpoint();
    assertThat(c.size()).isEqualTo(view.get("treeSize").asLong());
    return c;
  }

  private static List<byte[]> hashes(JsonNode array) {
    List<byte[]> out = new ArrayList<>();
    array.forEach(h -> out.add(B64.decode(h.asText())));
    return out;
  }

  @Test
  void aSubmissionsCollectedEntryIsProvenInASignedCheckpoint() {
    ObjectNode submission = freshSubmission("01");
    String recordId = submission.get("record").get("recordId").asText();
    assertThat(post("/api/v1/exchanges", agencyToken("ro-police"), submission).status())
        .isEqualTo(202);
    String entryId =
        jdbc.sql("select entry_id from audit_entry where record_id = :r and action = 'COLLECTED'")
            .param("r", recordId)
            .query(String.class)
            .single();

    GatewayIT.Response created = post("/api/v1/audit/checkpoints", auditor(), "");
    assertThat(created.status()).isEqualTo(201);
    CheckpointVerifier key = servedKey();
    Checkpoint checkpoint = signedCheckpoint(created.json(), key);

    JsonNode proof = get("/api/v1/audit/proofs/inclusion?entry=" + entryId, auditor()).json();
    assertThat(proof.get("treeSize").asLong()).isEqualTo(checkpoint.size());
    String entry = proof.get("entry").asText();
    assertThat(entry).contains(entryId).contains("\"action\":\"COLLECTED\"").contains(recordId);
    byte[] leaf = MerkleHashes.leafHash(entry.getBytes(StandardCharsets.UTF_8));
    assertThat(B64.decode(proof.get("leafHash").asText())).isEqualTo(leaf);
    assertThat(signedCheckpoint(proof.get("checkpoint"), key)).isEqualTo(checkpoint);
    long leafIndex = proof.get("leafIndex").asLong();
    List<byte[]> path = hashes(proof.get("proof"));

    assertThat(
            MerkleProofs.verifyInclusion(
                leafIndex, checkpoint.size(), leaf, path, checkpoint.rootHash()))
        .isEqualTo(Verification.verified());
    // The same proof does not hold for a changed entry: the check above is not vacuous.
    byte[] changed =
        MerkleHashes.leafHash(
            entry.replace("COLLECTED", "CONSULTED").getBytes(StandardCharsets.UTF_8));
    assertThat(
            MerkleProofs.verifyInclusion(
                    leafIndex, checkpoint.size(), changed, path, checkpoint.rootHash())
                .ok())
        .isFalse();

    // The console's check of the same entry, through the service, agrees.
    AuditLogService.EntryCheck console = service.checkEntry(entryId);
    assertThat(console.verified()).as(console.detail()).isTrue();
    assertThat(console.inclusion().leafIndex()).isEqualTo(leafIndex);

    // Each call was itself audited, naming the call.
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'AUDIT_SEARCHED'"
                        + " and reason = :reason")
                .param("reason", "inclusion proof entry=" + entryId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void consecutiveCheckpointsAreConsistentAndTheExportVerifiesOffline() throws Exception {
    CheckpointVerifier key = servedKey();
    Checkpoint first =
        signedCheckpoint(post("/api/v1/audit/checkpoints", auditor(), "").json(), key);
    get("/api/v1/audit/log", auditor()); // an audited call: the log grows
    Checkpoint second =
        signedCheckpoint(post("/api/v1/audit/checkpoints", auditor(), "").json(), key);
    assertThat(second.size()).isGreaterThan(first.size());

    JsonNode proof =
        get(
                "/api/v1/audit/proofs/consistency?first="
                    + first.size()
                    + "&second="
                    + second.size(),
                auditor())
            .json();
    assertThat(
            MerkleProofs.verifyConsistency(
                first.size(),
                second.size(),
                hashes(proof.get("proof")),
                first.rootHash(),
                second.rootHash()))
        .isEqualTo(Verification.verified());

    GatewayIT.Response export =
        get("/api/v1/audit/log/export?treeSize=" + second.size(), auditor());
    assertThat(export.status()).isEqualTo(200);
    LogExport log =
        LogExportJson.read(
            new ByteArrayInputStream(export.text().getBytes(StandardCharsets.UTF_8)));
    assertThat(log.entries()).hasSize((int) second.size());
    String note = proof.get("secondCheckpoint").get("note").asText();
    assertThat(new LogVerifier(key).verify(log, note).ok()).isTrue();

    JsonNode verification = post("/api/v1/audit/log/verification", auditor(), "").json();
    assertThat(verification.get("intact").asBoolean()).as("%s", verification).isTrue();
    JsonNode status = get("/api/v1/audit/log", auditor()).json();
    assertThat(status.get("lastVerification").get("intact").asBoolean()).isTrue();
    assertThat(status.get("treeSize").asLong()).isGreaterThanOrEqualTo(second.size());
    assertThat(get("/api/v1/audit/checkpoints/latest", auditor()).json().get("treeSize").asLong())
        .isGreaterThanOrEqualTo(second.size());
    assertThat(get("/api/v1/audit/checkpoints?size=2", auditor()).json()).hasSize(2);
  }

  @Test
  void badParametersAreProblemsNotErrors() {
    post("/api/v1/audit/checkpoints", auditor(), "");
    long size = get("/api/v1/audit/log", auditor()).json().get("treeSize").asLong();
    String unknown = UUID.randomUUID().toString();

    assertProblem(get("/api/v1/audit/proofs/inclusion?entry=" + unknown, auditor()), 404);
    assertProblem(get("/api/v1/audit/proofs/inclusion", auditor()), 400);
    String someEntry =
        jdbc.sql("select entry_id from audit_leaf where leaf_index = :i")
            .param("i", size - 1)
            .query(String.class)
            .single();
    assertProblem(
        get("/api/v1/audit/proofs/inclusion?entry=" + someEntry + "&treeSize=0", auditor()), 400);
    assertProblem(
        get(
            "/api/v1/audit/proofs/inclusion?entry=" + someEntry + "&treeSize=" + (size + 1_000_000),
            auditor()),
        409);
    if (size > 1) {
      // The entry is the last leaf: it is not within the first tree of size 1.
      assertProblem(
          get("/api/v1/audit/proofs/inclusion?entry=" + someEntry + "&treeSize=1", auditor()), 409);
    }
    assertProblem(get("/api/v1/audit/proofs/consistency?first=0&second=1", auditor()), 400);
    assertProblem(get("/api/v1/audit/proofs/consistency?first=2&second=1", auditor()), 400);
    assertProblem(get("/api/v1/audit/proofs/consistency?first=x&second=1", auditor()), 400);
    assertProblem(
        get("/api/v1/audit/proofs/consistency?first=1&second=" + (size + 1_000_000), auditor()),
        409);
    assertProblem(get("/api/v1/audit/log/export?treeSize=0", auditor()), 400);
    assertProblem(get("/api/v1/audit/checkpoints?size=0", auditor()), 400);
    assertThat(get("/api/v1/audit/log", agencyToken("ro-police")).status()).isEqualTo(403);
    assertThat(post("/api/v1/audit/checkpoints", roleToken("OPERATOR"), "").status())
        .isEqualTo(403);
  }

  private static void assertProblem(GatewayIT.Response r, int status) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("detail").asText()).isNotBlank();
    assertThat(r.text()).doesNotContain("Exception");
  }
}

package eu.focus.gateway.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.focus.contract.audit.Checkpoint;
import eu.focus.contract.audit.CheckpointSigner;
import eu.focus.contract.audit.CheckpointVerifier;
import eu.focus.gateway.config.FocusProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSigningKeyTest {

  @TempDir Path dir;

  private static FocusProperties props(String signingKey, String demoKeyFile) {
    return new FocusProperties(
        Set.of("api"),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        new FocusProperties.Audit(
            Duration.ofMillis(200),
            1000,
            Duration.ofSeconds(60),
            "focus-test/audit",
            signingKey,
            demoKeyFile));
  }

  private static String signedBy(CheckpointSigner signer) {
    return signer.sign(
        new Checkpoint(signer.keyName(), 1, new byte[32], Instant.parse("2026-11-29T12:00:00Z")));
  }

  @Test
  void aConfiguredPkcs8KeySignsWhatItsDerivedPublicKeyVerifies() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String base64 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    Path pemFile = dir.resolve("key.pem");
    Files.writeString(pemFile, AuditSigningKey.pem(pair.getPrivate()));
    String expectedPublic = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());

    for (String configured :
        List.of(base64, AuditSigningKey.pem(pair.getPrivate()), pemFile.toString())) {
      CheckpointSigner signer = new AuditSigningKey().checkpointSigner(props(configured, null));
      assertThat(signer.publicKeyText()).isEqualTo(expectedPublic);
      assertThat(
              new CheckpointVerifier("focus-test/audit", expectedPublic)
                  .verify(signedBy(signer))
                  .ok())
          .isTrue();
    }
  }

  @Test
  void theDemoKeyIsGeneratedOnceAndKept() {
    Path file = dir.resolve("data/audit-signing-key.pem");
    CheckpointSigner first = new AuditSigningKey().checkpointSigner(props(null, file.toString()));
    CheckpointSigner second = new AuditSigningKey().checkpointSigner(props("", file.toString()));
    assertThat(file).exists();
    assertThat(second.publicKeyText()).isEqualTo(first.publicKeyText());
  }

  @Test
  void refusesToStartWithoutAKeyOrWithABadOne() {
    assertThatThrownBy(() -> new AuditSigningKey().checkpointSigner(props(null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("focus.audit.signing-key")
        .hasMessageContaining("FOCUS_AUDIT_SIGNING_KEY");
    assertThatThrownBy(() -> new AuditSigningKey().checkpointSigner(props("bm90IGEga2V5", null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not an Ed25519 private key");
  }
}

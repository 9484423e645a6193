package eu.focus.gateway.audit.merkle;

import eu.focus.contract.audit.CheckpointSigner;
import eu.focus.gateway.config.FocusProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's checkpoint signer, from {@code focus.audit.signing-key} (an Ed25519 private key in
 * PKCS#8) or, on the demo profile, from a key generated once into {@code
 * focus.audit.demo-key-file}. Without either the gateway does not start: an unsigned log would be
 * no evidence at all.
 *
 * <p>PKCS#8 holds only the private key, and the JDK has no call that derives the public key from
 * it. RFC 8032 makes the private key 32 random bytes from which the public key follows, and the
 * JDK's generator takes those bytes from the {@link SecureRandom} it is given; handing it the
 * stored bytes regenerates the same pair. The result is checked (same private bytes, and a probe
 * signature verifies) before it is used.
 */
@Configuration
public class AuditSigningKey {

  private static final Logger LOG = LoggerFactory.getLogger(AuditSigningKey.class);
  private static final String ED25519 = "Ed25519";

  @Bean
  CheckpointSigner checkpointSigner(FocusProperties props) {
    FocusProperties.Audit audit = props.audit();
    String origin = audit.origin();
    if (origin == null || origin.isBlank() || origin.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalStateException(
          "focus.audit.origin must be one word, e.g. focus-gateway/audit");
    }
    String configured = audit.signingKey();
    PrivateKey key;
    if (configured != null && !configured.isBlank()) {
      key = parse(read(configured), "focus.audit.signing-key");
    } else if (audit.demoKeyFile() != null && !audit.demoKeyFile().isBlank()) {
      key = demoKey(Path.of(audit.demoKeyFile()));
    } else {
      throw new IllegalStateException(
          "focus.audit.signing-key (FOCUS_AUDIT_SIGNING_KEY) must be set to the Ed25519 private key"
              + " that signs audit checkpoints: PKCS#8 as PEM text, base64, or a PEM file path"
              + " (openssl genpkey -algorithm ed25519 -out audit-key.pem)");
    }
    return new CheckpointSigner(origin, keyPair(key));
  }

  /** The configured value: PEM or base64 text, or the path of a file holding either. */
  private static String read(String value) {
    String v = value.strip();
    if (v.startsWith("-----BEGIN")) {
      return v;
    }
    Path file = Path.of(v.startsWith("file:") ? v.substring("file:".length()) : v);
    if (!Files.isRegularFile(file)) {
      return v; // base64 DER
    }
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("focus.audit.signing-key: cannot read " + file, e);
    }
  }

  static PrivateKey parse(String text, String setting) {
    String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance(ED25519)
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(setting + " is not an Ed25519 private key in PKCS#8 form", e);
    }
  }

  static String pem(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static PrivateKey demoKey(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        return parse(Files.readString(file, StandardCharsets.US_ASCII), "the demo key " + file);
      }
      PrivateKey key = CheckpointSigner.generateKeyPair().getPrivate();
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Files.writeString(file, pem(key), StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the data folder's own permissions apply.
      }
      LOG.info("Generated a demo audit signing key in {}", file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the demo audit signing key in " + file, e);
    }
  }

  /** The key pair of an Ed25519 private key (see the class comment for how and why). */
  static KeyPair keyPair(PrivateKey key) {
    if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
      throw new IllegalStateException("the audit signing key is not an Ed25519 private key");
    }
    byte[] seed = ed.getBytes().get();
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ED25519);
      generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
      KeyPair pair = generator.generateKeyPair();
      byte[] regenerated = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      Signature signer = Signature.getInstance(ED25519);
      signer.initSign(key);
      byte[] probe = "focus audit key probe".getBytes(StandardCharsets.US_ASCII);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(ED25519);
      verifier.initVerify(pair.getPublic());
      verifier.update(probe);
      if (!Arrays.equals(regenerated, seed) || !verifier.verify(signature)) {
        throw new IllegalStateException("cannot derive the public key of the audit signing key");
      }
      return new KeyPair(pair.getPublic(), key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the public key of the audit signing key", e);
    }
  }

  /** Hands out the given bytes: the private key a generator then completes to a pair. */
  private static final class FixedBytes extends SecureRandom {
    private final byte[] bytes;

    FixedBytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      if (out.length != bytes.length) {
        throw new IllegalStateException("expected a request for " + bytes.length + " bytes");
      }
      System.arraycopy(bytes, 0, out, 0, out.length);
    }
  }
}

package eu.focus.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.focus.contract.audit.CheckpointVerification.Accepted;
import eu.focus.contract.audit.CheckpointVerification.Rejected;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CheckpointTest {

  private static final String ORIGIN = "focus-gateway.eu/audit/test";
  private static final byte[] ROOT =
      HexFormat.of().parseHex("5aad4b2b1b0dd2b6d5c9c8a0e0c8fb6e1b4b3c4d5e6f708192a3b4c5d6e7f809");
  private static final Checkpoint CHECKPOINT =
      new Checkpoint(ORIGIN, 20, ROOT, Instant.parse("2026-11-29T12:00:00Z"));

  private static final KeyPair KEYS = CheckpointSigner.generateKeyPair();
  private static final CheckpointSigner SIGNER = new CheckpointSigner(ORIGIN, KEYS);
  private static final CheckpointVerifier VERIFIER =
      new CheckpointVerifier(ORIGIN, SIGNER.publicKeyText());

  // The reference note of golang.org/x/mod/sumdb/note (note.go, ExampleSign; note_test.go).
  private static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  private static final String GO_NOTE =
      GO_TEXT
          + "\n\u2014 PeterNeumann"
          + " x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  private static final String GO_VERIFIER_KEY = "ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String GO_SIGNER_KEY = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

  @Test
  void bodyFollowsTheCheckpointLayout() {
    assertThat(CHECKPOINT.body())
        .isEqualTo(
            ORIGIN
                + "\n20\n"
                + Base64.getEncoder().encodeToString(ROOT)
                + "\ntimestamp 2026-11-29T12:00:00Z\n");
    assertThat(Checkpoint.parse(CHECKPOINT.body())).isEqualTo(CHECKPOINT);
  }

  @Test
  void signedCheckpointVerifiesWithThePublicKeyText() {
    String note = SIGNER.sign(CHECKPOINT);

    assertThat(note).startsWith(CHECKPOINT.body() + "\n\u2014 " + ORIGIN + " ");
    assertThat(VERIFIER.verify(note)).isEqualTo(new Accepted(CHECKPOINT));
    // The key text is standard X.509 SubjectPublicKeyInfo, as OpenSSL writes between PEM markers.
    assertThat(Base64.getDecoder().decode(SIGNER.publicKeyText())).hasSize(44);
  }

  @Test
  void refusesAnotherKeyOrKeyName() {
    String note = SIGNER.sign(CHECKPOINT);
    CheckpointSigner other = new CheckpointSigner(ORIGIN, CheckpointSigner.generateKeyPair());

    assertThat(reason(new CheckpointVerifier(ORIGIN, other.publicKeyText()).verify(note)))
        .contains("not signed by key " + ORIGIN);
    assertThat(reason(VERIFIER.verify(other.sign(CHECKPOINT))))
        .contains("not signed by key " + ORIGIN);
    assertThat(reason(new CheckpointVerifier("other-log", SIGNER.publicKeyText()).verify(note)))
        .contains("not signed by key other-log");
  }

  @Test
  void refusesAChangedSizeRootOrTime() {
    String note = SIGNER.sign(CHECKPOINT);
    String rootLine = Base64.getEncoder().encodeToString(ROOT);
    byte[] otherRoot = ROOT.clone();
    otherRoot[0] ^= 1;

    assertThat(reason(VERIFIER.verify(note.replace("\n20\n", "\n21\n"))))
        .contains("does not match the checkpoint text");
    assertThat(
            reason(
                VERIFIER.verify(
                    note.replace(rootLine, Base64.getEncoder().encodeToString(otherRoot)))))
        .contains("does not match the checkpoint text");
    assertThat(reason(VERIFIER.verify(note.replace("12:00:00Z", "12:00:01Z"))))
        .contains("does not match the checkpoint text");
  }

  @Test
  void refusesATruncatedOrMangledSignature() {
    String note = SIGNER.sign(CHECKPOINT);
    String blob = note.substring(note.lastIndexOf(' ') + 1, note.length() - 1);
    byte[] raw = Base64.getDecoder().decode(blob);
    String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length - 1));
    byte[] flipped = raw.clone();
    flipped[10] ^= 1;

    assertThat(reason(VERIFIER.verify(note.replace(blob, truncated))))
        .contains("has 63 bytes instead of 64");
    assertThat(
            reason(
                VERIFIER.verify(note.replace(blob, Base64.getEncoder().encodeToString(flipped)))))
        .contains("does not match the checkpoint text");
    assertThat(reason(VERIFIER.verify(note.replace(blob, "not*base64")))).contains("is not base64");
    assertThat(reason(VERIFIER.verify(note.substring(0, note.length() - 1))))
        .contains("does not end with a newline");
  }

  @Test
  void neverThrowsOnGarbage() {
    for (String garbage :
        new String[] {null, "", "\n", "\n\n", "x\n\n", CHECKPOINT.body(), "\u2014 \n\n\u2014 \n"}) {
      assertThat(VERIFIER.verify(garbage)).isInstanceOf(Rejected.class);
    }
  }

  @Test
  void parseAcceptsOnlyTheCanonicalForm() {
    String body = CHECKPOINT.body();
    for (String bad :
        new String[] {
          body.replace("\n20\n", "\n020\n"),
          body.replace("\n20\n", "\n-1\n"),
          body.replace("\n20\n", "\n+20\n"),
          body.replace("timestamp ", "time "),
          body.replace("12:00:00Z", "12:00Z"),
          body + "extra\n",
          body.substring(0, body.length() - 1),
          " " + body
        }) {
      assertThatThrownBy(() -> Checkpoint.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * Ed25519 signatures are deterministic (RFC 8032), so signing the Go reference text with the
   * reference key must give the reference note byte for byte: any C2SP signed-note reader (Go
   * sumdb/note, transparency-dev witnesses) reads our signature lines, and we read theirs.
   */
  @Test
  void signatureLinesMatchTheGoSignedNoteReference() throws Exception {
    byte[] publicRaw = Arrays.copyOfRange(Base64.getDecoder().decode(GO_VERIFIER_KEY), 1, 33);
    byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(GO_SIGNER_KEY), 1, 33);
    KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
    KeyPair go =
        new KeyPair(
            ed25519.generatePublic(
                new X509EncodedKeySpec(concat(hex("302a300506032b6570032100"), publicRaw))),
            ed25519.generatePrivate(
                new PKCS8EncodedKeySpec(concat(hex("302e020100300506032b657004220420"), seed))));
    CheckpointSigner signer = new CheckpointSigner("PeterNeumann", go);

    assertThat(signer.signNote(GO_TEXT)).isEqualTo(GO_NOTE);
    CheckpointVerifier verifier = new CheckpointVerifier("PeterNeumann", signer.publicKeyText());
    // The signature is accepted; the text is then refused only because it is not a checkpoint.
    assertThat(reason(verifier.verify(GO_NOTE))).startsWith("the signed text is not a checkpoint");
    assertThat(reason(verifier.verify(GO_NOTE.replace("cryptography", "cryptographY"))))
        .contains("does not match");
  }

  @Test
  void badKeyConfigurationIsRefusedUpFront() {
    assertThatThrownBy(() -> new CheckpointVerifier(ORIGIN, "not a key"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CheckpointVerifier("two words", SIGNER.publicKeyText()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String reason(CheckpointVerification verification) {
    assertThat(verification).isInstanceOf(Rejected.class);
    return ((Rejected) verification).reason();
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

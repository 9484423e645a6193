package eu.focus.contract.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Checks checkpoints signed by {@link CheckpointSigner} against the public key an auditor holds.
 * The signed note comes from outside, so {@link #verify(String)} never throws: a missing or foreign
 * signature, a truncated one, a body that was changed after signing or that is not a well formed
 * checkpoint all give a {@link CheckpointVerification.Rejected} saying which.
 */
public final class CheckpointVerifier {

  private final String keyName;
  private final PublicKey publicKey;
  private final byte[] keyId;

  /**
   * @param keyName the key name expected in the signature line
   * @param publicKeyText the Ed25519 public key as base64 X.509 text ({@link
   *     CheckpointSigner#publicKeyText()})
   * @throws IllegalArgumentException if the name or the key text is not usable: this is the
   *     auditor's own configuration, not input under test
   */
  public CheckpointVerifier(String keyName, String publicKeyText) {
    SignedNotes.checkKeyName(keyName);
    this.keyName = keyName;
    try {
      byte[] encoded = Base64.getDecoder().decode(publicKeyText.strip());
      this.publicKey =
          KeyFactory.getInstance(CheckpointSigner.ALGORITHM)
              .generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("not an Ed25519 public key in base64 X.509 form", e);
    }
    this.keyId = SignedNotes.keyId(keyName, publicKey);
  }

  /**
   * Checks a signed checkpoint note.
   *
   * @param signedNote the note as {@link CheckpointSigner#sign(Checkpoint)} wrote it
   * @return the checkpoint, or the reason it is not trusted
   */
  public CheckpointVerification verify(String signedNote) {
    if (signedNote == null) {
      return rejected("the signed checkpoint is missing");
    }
    int split = signedNote.indexOf("\n\n");
    if (split < 0) {
      return rejected("the note has no signature block after a blank line");
    }
    String body = signedNote.substring(0, split + 1);
    String signatures = signedNote.substring(split + 2);
    if (!signatures.endsWith("\n")) {
      return rejected("the signature block does not end with a newline");
    }
    byte[] signature = null;
    for (String line : signatures.substring(0, signatures.length() - 1).split("\n", -1)) {
      String prefix = SignedNotes.SIGNATURE_LINE_PREFIX + keyName + " ";
      if (!line.startsWith(prefix)) {
        continue;
      }
      byte[] blob;
      try {
        blob = Base64.getDecoder().decode(line.substring(prefix.length()));
      } catch (IllegalArgumentException e) {
        return rejected("the signature of key " + keyName + " is not base64");
      }
      if (blob.length < SignedNotes.KEY_ID_SIZE
          || !Arrays.equals(blob, 0, SignedNotes.KEY_ID_SIZE, keyId, 0, SignedNotes.KEY_ID_SIZE)) {
        // Same name, other key: keep looking, a note may carry signatures of several keys.
        continue;
      }
      if (blob.length != SignedNotes.KEY_ID_SIZE + SignedNotes.ED25519_SIGNATURE_SIZE) {
        return rejected(
            "the signature of key "
                + keyName
                + " has "
                + (blob.length - SignedNotes.KEY_ID_SIZE)
                + " bytes instead of "
                + SignedNotes.ED25519_SIGNATURE_SIZE);
      }
      signature = Arrays.copyOfRange(blob, SignedNotes.KEY_ID_SIZE, blob.length);
      break;
    }
    if (signature == null) {
      return rejected("the note is not signed by key " + keyName);
    }
    boolean valid;
    try {
      Signature verifier = Signature.getInstance(CheckpointSigner.ALGORITHM);
      verifier.initVerify(publicKey);
      verifier.update(body.getBytes(StandardCharsets.UTF_8));
      valid = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      valid = false;
    }
    if (!valid) {
      return rejected("the signature of key " + keyName + " does not match the checkpoint text");
    }
    try {
      return new CheckpointVerification.Accepted(Checkpoint.parse(body));
    } catch (IllegalArgumentException e) {
      return rejected("the signed text is not a checkpoint: " + e.getMessage());
    }
  }

  private static CheckpointVerification rejected(String reason) {
    return new CheckpointVerification.Rejected(reason);
  }
}

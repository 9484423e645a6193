package eu.focus.contract.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs checkpoints with the gateway's Ed25519 key (the JDK's own implementation, RFC 8032) and
 * writes them as C2SP signed notes:
 *
 * <pre>
 * &lt;checkpoint body&gt;
 *
 * — &lt;key name&gt; base64(key id || signature)
 * </pre>
 *
 * The public key an auditor holds is {@link #publicKeyText()}: the X.509 SubjectPublicKeyInfo in
 * base64, readable by {@link CheckpointVerifier} and by OpenSSL ({@code -----BEGIN PUBLIC
 * KEY-----}).
 */
public final class CheckpointSigner {

  static final String ALGORITHM = "Ed25519";

  private final String keyName;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final byte[] keyId;

  /**
   * @param keyName the name in the signature line, one word (conventionally the log's origin)
   * @param keyPair an Ed25519 key pair
   * @throws IllegalArgumentException if the name or key is not usable
   */
  public CheckpointSigner(String keyName, KeyPair keyPair) {
    SignedNotes.checkKeyName(keyName);
    Objects.requireNonNull(keyPair, "keyPair");
    this.keyName = keyName;
    this.privateKey = keyPair.getPrivate();
    this.publicKey = keyPair.getPublic();
    this.keyId = SignedNotes.keyId(keyName, publicKey);
  }

  /** A fresh Ed25519 key pair. */
  public static KeyPair generateKeyPair() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      // Ed25519 is part of every Java 15+ platform (JEP 339).
      throw new IllegalStateException("Ed25519 is not available", e);
    }
  }

  /** The key name written in signature lines. */
  public String keyName() {
    return keyName;
  }

  /** The public key as base64 X.509 text, for auditors. */
  public String publicKeyText() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  /**
   * Signs a checkpoint.
   *
   * @return the signed note: the checkpoint body, a blank line, and one signature line
   */
  public String sign(Checkpoint checkpoint) {
    return signNote(checkpoint.body());
  }

  /**
   * Signs any note text (lines ending in newlines); {@link #sign(Checkpoint)} is the public use,
   * this one lets the format be tested against the Go {@code sumdb/note} reference note.
   */
  String signNote(String text) {
    byte[] signature;
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(privateKey);
      signer.update(text.getBytes(StandardCharsets.UTF_8));
      signature = signer.sign();
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("the signing key is not an Ed25519 private key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
    byte[] blob = new byte[keyId.length + signature.length];
    System.arraycopy(keyId, 0, blob, 0, keyId.length);
    System.arraycopy(signature, 0, blob, keyId.length, signature.length);
    return text
        + "\n"
        + SignedNotes.SIGNATURE_LINE_PREFIX
        + keyName
        + " "
        + Base64.getEncoder().encodeToString(blob)
        + "\n";
  }
}

package eu.focus.contract.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The parts of the C2SP {@code signed-note} format that checkpoints use: a signature line is {@code
 * "— " + key name + " " + base64(key id || signature)}, after the note's body and one blank line;
 * for Ed25519 the 4-byte key id is the start of SHA-256(key name || "\n" || 0x01 || raw public
 * key). The key id lets a reader with several keys pick the right one without trying them all.
 */
final class SignedNotes {

  /** The em dash and space that start every signature line. */
  static final String SIGNATURE_LINE_PREFIX = "\u2014 ";

  static final int KEY_ID_SIZE = 4;
  static final int ED25519_SIGNATURE_SIZE = 64;

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32 key bytes. */
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");

  private static final byte ED25519_ALGORITHM = 0x01;

  private SignedNotes() {}

  /** The 32 raw key bytes of an Ed25519 public key in X.509 form. */
  static byte[] rawEd25519(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null
        || encoded.length != ED25519_SPKI_PREFIX.length + 32
        || !Arrays.equals(
            encoded,
            0,
            ED25519_SPKI_PREFIX.length,
            ED25519_SPKI_PREFIX,
            0,
            ED25519_SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key");
    }
    return Arrays.copyOfRange(encoded, ED25519_SPKI_PREFIX.length, encoded.length);
  }

  static byte[] keyId(String keyName, PublicKey key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(keyName.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
      digest.update(ED25519_ALGORITHM);
      digest.update(rawEd25519(key));
      return Arrays.copyOf(digest.digest(), KEY_ID_SIZE);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** A key name is one word: non-empty, no spaces, no '+' (signed-note). */
  static void checkKeyName(String keyName) {
    if (keyName == null
        || keyName.isEmpty()
        || keyName.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
      throw new IllegalArgumentException("a key name is one word without spaces or '+'");
    }
  }
}

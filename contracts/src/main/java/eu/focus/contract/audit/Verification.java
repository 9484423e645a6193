package eu.focus.contract.audit;

import java.util.Objects;

/**
 * The outcome of checking a Merkle proof: {@link Verified}, or {@link Failed} with the reason, so
 * that an auditor's tool can say what is wrong rather than just "invalid".
 */
public sealed interface Verification permits Verification.Verified, Verification.Failed {

  /** Whether the proof holds. */
  boolean ok();

  /** The proof holds. */
  static Verification verified() {
    return Verified.INSTANCE;
  }

  /** The proof does not hold, for the given reason, explained in English in {@code detail}. */
  static Verification failed(Reason reason, String detail) {
    return new Failed(reason, detail);
  }

  /** The proof holds. */
  final class Verified implements Verification {

    private static final Verified INSTANCE = new Verified();

    private Verified() {}

    @Override
    public boolean ok() {
      return true;
    }

    @Override
    public String toString() {
      return "Verified";
    }
  }

  /**
   * The proof does not hold.
   *
   * @param reason which check failed
   * @param detail what was found, in English, for logs and the auditor console; holds sizes and
   *     indexes but no hash values
   */
  record Failed(Reason reason, String detail) implements Verification {

    public Failed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public boolean ok() {
      return false;
    }
  }

  /** Why a proof failed. */
  enum Reason {
    /**
     * A leaf index or tree size is impossible: negative, an index not below the tree size, an
     * earlier tree larger than the later one, or a consistency proof from the empty tree.
     */
    OUT_OF_RANGE,
    /** A hash, root or proof component is missing or is not a 32-byte SHA-256 value. */
    MALFORMED,
    /** The proof has more or fewer components than the tree sizes call for. */
    WRONG_PROOF_LENGTH,
    /** The proof does not lead to the earlier tree's root (consistency proofs only). */
    FIRST_ROOT_MISMATCH,
    /** The proof does not lead to the given root (for consistency proofs: the later tree's). */
    ROOT_MISMATCH
  }
}

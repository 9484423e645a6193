package eu.focus.contract.audit;

import java.util.Objects;

/**
 * The outcome of checking a signed checkpoint: {@link Accepted} with the checkpoint it vouches for,
 * or {@link Rejected} with the reason in English.
 */
public sealed interface CheckpointVerification
    permits CheckpointVerification.Accepted, CheckpointVerification.Rejected {

  /** Whether the signature is good and the checkpoint well formed. */
  default boolean ok() {
    return this instanceof Accepted;
  }

  /** The signature is good; {@code checkpoint} is what the key holder signed. */
  record Accepted(Checkpoint checkpoint) implements CheckpointVerification {
    public Accepted {
      Objects.requireNonNull(checkpoint, "checkpoint");
    }
  }

  /** The note is not a well formed checkpoint signed by the expected key. */
  record Rejected(String reason) implements CheckpointVerification {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

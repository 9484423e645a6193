package eu.focus.contract;

import java.util.Comparator;
import java.util.Objects;

/**
 * One way in which a document breaks the contract.
 *
 * @param pointer RFC 6901 JSON pointer into the checked document: {@code ""} for the document
 *     itself, {@code "/record/child/name"} for a member. A missing required member or a member that
 *     is not allowed is reported at that member's own pointer.
 * @param message what is wrong, in English
 */
public record Violation(String pointer, String message) implements Comparable<Violation> {

  private static final Comparator<Violation> ORDER =
      Comparator.comparing(Violation::pointer).thenComparing(Violation::message);

  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public int compareTo(Violation other) {
    return ORDER.compare(this, other);
  }
}

package eu.focus.mappings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of one mapping: either the mapped document or every error found, never both.
 *
 * @param <T> the mapped document: a contract submission inbound, a national payload outbound
 */
public final class MappingResult<T> {

  private final T value;
  private final List<MappingError> errors;

  private MappingResult(T value, List<MappingError> errors) {
    this.value = value;
    this.errors = errors;
  }

  /** A mapping that succeeded. */
  public static <T> MappingResult<T> success(T value) {
    return new MappingResult<>(Objects.requireNonNull(value, "value"), List.of());
  }

  /** A mapping that failed; {@code errors} must not be empty. */
  public static <T> MappingResult<T> failure(List<MappingError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a failed mapping needs at least one error");
    }
    return new MappingResult<>(null, List.copyOf(errors));
  }

  /** Whether the mapping produced a document. */
  public boolean isSuccess() {
    return errors.isEmpty();
  }

  /** The mapped document, if the mapping succeeded. */
  public Optional<T> valueIfSuccess() {
    return Optional.ofNullable(value);
  }

  /**
   * The mapped document.
   *
   * @throws IllegalStateException listing the errors when the mapping failed
   */
  public T value() {
    if (!isSuccess()) {
      throw new IllegalStateException(
          "the mapping failed:\n"
              + errors.stream().map(MappingError::toLine).collect(Collectors.joining("\n")));
    }
    return value;
  }

  /** Every error, in the order found; empty when the mapping succeeded. */
  public List<MappingError> errors() {
    return errors;
  }

  @Override
  public String toString() {
    return isSuccess() ? "MappingResult[success]" : "MappingResult" + errors;
  }
}

package eu.focus.mappings;

/**
 * A national system folder is broken: a missing or invalid {@code system.yaml}, a mapping that does
 * not compile, a malformed code list. Thrown when the registry loads, never while mapping a
 * payload, so that a broken folder stops the gateway at start-up instead of failing requests.
 */
public class MappingDefinitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MappingDefinitionException(String message) {
    super(message);
  }

  public MappingDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }
}

package eu.focus.adapters.connector;

/** A delivery attempt that did not reach the recipient or was refused by it. */
public class ConnectorException extends RuntimeException {

  private final boolean circuitOpen;

  public ConnectorException(String message, boolean circuitOpen, Throwable cause) {
    super(message, cause);
    this.circuitOpen = circuitOpen;
  }

  /** True when the call was not even tried because the recipient's circuit is open. */
  public boolean circuitOpen() {
    return circuitOpen;
  }
}

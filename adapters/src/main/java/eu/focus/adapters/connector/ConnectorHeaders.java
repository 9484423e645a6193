package eu.focus.adapters.connector;

/** Exchange headers that the delivery flow sets for every connector type. */
public final class ConnectorHeaders {

  /** Unique per delivery; the same on every attempt, so the recipient can drop repeats. */
  public static final String IDEMPOTENCY_KEY = "FocusIdempotencyKey";

  /** ASSESSMENT or REVOCATION. */
  public static final String MESSAGE_KIND = "FocusMessageKind";

  private ConnectorHeaders() {}
}

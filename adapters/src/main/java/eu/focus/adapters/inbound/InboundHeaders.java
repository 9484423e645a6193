package eu.focus.adapters.inbound;

/** Camel headers that inbound connector routes set before handing a message to the inbox. */
public final class InboundHeaders {

  /** The national system's id. */
  public static final String SYSTEM_ID = "FocusSystemId";

  /** The message's stable id (see {@link NationalInbox#receive}). */
  public static final String MESSAGE_ID = "FocusMessageId";

  /** The exchange id the gateway gave an accepted message. */
  public static final String EXCHANGE_ID = "FocusExchangeId";

  private InboundHeaders() {}
}

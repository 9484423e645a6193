package eu.focus.adapters.inbound;

/**
 * Where inbound connectors hand over what a national system sent: the gateway implements it (maps
 * the message to contract v1, then takes the same intake path as any other submission).
 *
 * <p>Inbound connector routes find the one implementation in the Camel registry. They never decide
 * anything themselves: acceptance, refusal and audit are the gateway's.
 */
public interface NationalInbox {

  /**
   * Hands over one message.
   *
   * @param systemId the national system it came from (its system file's id)
   * @param messageId an id that is the same when the same message is read again (a file name and
   *     digest, a FHIR resource id and version, a SOAP message digest); a message already accepted
   *     under this id is not taken in twice
   * @param payload the message in the national system's own format
   * @return the receipt
   * @throws InboxRejectedException when the message cannot be mapped or is refused; nothing was
   *     stored
   */
  Receipt receive(String systemId, String messageId, String payload);

  /**
   * What the gateway did with an accepted message.
   *
   * @param exchangeId the exchange the message became
   * @param duplicate true when the message id had been accepted before (nothing new was stored)
   */
  record Receipt(String exchangeId, boolean duplicate) {}
}

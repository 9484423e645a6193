package eu.focus.adapters.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The last step of every inbound route: hands the body (the national message) with the {@link
 * InboundHeaders#SYSTEM_ID} and {@link InboundHeaders#MESSAGE_ID} headers to the {@link
 * NationalInbox} found in the Camel registry, and sets {@link InboundHeaders#EXCHANGE_ID}. A
 * refusal propagates as {@link InboxRejectedException} for the route to report in its channel's
 * shape.
 */
public final class InboxStep implements Processor {

  @Override
  public void process(Exchange exchange) {
    NationalInbox inbox = exchange.getContext().getRegistry().findSingleByType(NationalInbox.class);
    if (inbox == null) {
      throw new IllegalStateException("No NationalInbox in the Camel registry");
    }
    String systemId = exchange.getIn().getHeader(InboundHeaders.SYSTEM_ID, String.class);
    String messageId = exchange.getIn().getHeader(InboundHeaders.MESSAGE_ID, String.class);
    String payload = exchange.getIn().getBody(String.class);
    NationalInbox.Receipt receipt = inbox.receive(systemId, messageId, payload);
    exchange.getIn().setHeader(InboundHeaders.EXCHANGE_ID, receipt.exchangeId());
  }
}

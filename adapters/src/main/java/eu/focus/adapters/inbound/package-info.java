/**
 * The inbound side of connectors: how a message a national system sent (pushed to a SOAP endpoint,
 * dropped as a file, found by polling) reaches the gateway's intake. Routes set {@link
 * eu.focus.adapters.inbound.InboundHeaders} and end with {@link
 * eu.focus.adapters.inbound.InboxStep}.
 */
package eu.focus.adapters.inbound;

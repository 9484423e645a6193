/**
 * The REST channel under {@code /api/v1}: thin controllers that hand over to the protocol-neutral
 * services, and the one error shape (RFC 9457 problem+json) for everything that goes wrong.
 */
package eu.focus.gateway.api;

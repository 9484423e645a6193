/**
 * The REST channel under {@code /api/v1}: thin controllers that hand over to the protocol-neutral
 * flows, the auditors' API over the audit read side, and the one error shape of this channel (RFC
 * 9457 problem+json, {@link eu.focus.gateway.channel.rest.ProblemAdvice}); the shapes themselves
 * are shared with the other channels in {@link eu.focus.gateway.problem}.
 */
package eu.focus.gateway.channel.rest;

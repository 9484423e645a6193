/**
 * The channels: one package per way in, each thin and knowing only its protocol. {@code rest} (JSON
 * under {@code /api/v1}), {@code soap} (contract v1 as SOAP), {@code fhir} (contract v1 as FHIR
 * R4), {@code national} (national systems in their own formats) and {@code console} (the auditors'
 * pages). A channel hands over to the protocol-neutral flows ({@code intake}, {@code access},
 * {@code consent}, {@code auditor} ...) and answers in its own error shape. Channels never import
 * one another, and only they know their URL paths: each contributes its own access rules to the one
 * security filter chain ({@link eu.focus.gateway.security.ChannelAccess}). ArchitectureTest keeps
 * both rules. See docs/architecture.md for the package map.
 */
package eu.focus.gateway.channel;

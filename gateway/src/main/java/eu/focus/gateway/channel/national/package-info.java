/**
 * National systems that speak their own format. Inbound: the REST endpoint {@code
 * /api/v1/national/{system}/assessments}, SOAP endpoints under {@code /services/national}, polls
 * and file drops, all mapped to contract v1 in front of the ordinary intake ({@link
 * eu.focus.gateway.channel.national.NationalIntakeService}). Outbound: the connectors that delivery
 * sends through, instantiated from the system files and agency entries by {@link
 * eu.focus.gateway.channel.national.ConnectorConfiguration}; the outbound mapping runs in delivery.
 */
package eu.focus.gateway.channel.national;

/**
 * National systems that speak their own format: inbound mapping to contract v1 in front of the
 * ordinary intake. Outbound mapping happens in delivery, per recipient connector.
 */
package eu.focus.gateway.national;

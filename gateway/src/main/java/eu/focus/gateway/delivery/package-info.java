/**
 * Durable delivery of the outbox: the workers that claim due deliveries (any replica), re-check
 * policy and consent at send time, minimise, map and send through the recipient's connector, and
 * re-schedule with exponential backoff or dead-letter; and the operators' replay of dead letters.
 */
package eu.focus.gateway.delivery;

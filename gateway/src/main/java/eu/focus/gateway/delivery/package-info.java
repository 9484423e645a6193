/**
 * Durable delivery: the transactional outbox, the workers that claim due rows (any replica),
 * re-check policy and consent at send time, minimise, send through the recipient's connector, and
 * re-schedule with exponential backoff or dead-letter; and the operators' replay.
 */
package eu.focus.gateway.delivery;

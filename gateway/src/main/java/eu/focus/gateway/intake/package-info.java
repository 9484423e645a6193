/**
 * Intake: validating a submission against contract v1, storing the record version with its subject
 * pseudonym, and, in the same transaction, the policy decisions, audit entries and outbox
 * deliveries.
 */
package eu.focus.gateway.intake;

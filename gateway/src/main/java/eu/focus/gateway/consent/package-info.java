/**
 * Consents: who may consent for a child ({@link eu.focus.gateway.consent.ConsentRules}; never a
 * conflicted guardian), registration, lookup, and withdrawal, which cancels pending deliveries that
 * relied on the consent and notifies earlier recipients.
 */
package eu.focus.gateway.consent;

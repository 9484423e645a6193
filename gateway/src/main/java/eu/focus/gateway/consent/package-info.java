/**
 * Consents: registration (never from a conflicted guardian), lookup, and withdrawal, which cancels
 * pending deliveries that relied on the consent and notifies earlier recipients.
 */
package eu.focus.gateway.consent;

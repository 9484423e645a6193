/**
 * Stored records and exchanges: every version of an assessment as submitted (contract v1 JSON) with
 * its subject pseudonym, and the exchange that carried it. Written by intake, read by delivery,
 * access, consent and retention; nothing here decides who may see what.
 */
package eu.focus.gateway.record;

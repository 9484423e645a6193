/**
 * The audit log: append-only entries written in the same transaction as the change they record,
 * holding pseudonyms and codes only, and the auditors' search over them.
 */
package eu.focus.gateway.audit;

/**
 * The transactional outbox: one delivery row per permitted recipient, written in the same
 * transaction as the record and its audit entries, claimed later by the delivery workers (any
 * replica, with a lease). Also the status of an exchange as its sender sees it: the exchange and
 * what became of each of its deliveries.
 */
package eu.focus.gateway.outbox;

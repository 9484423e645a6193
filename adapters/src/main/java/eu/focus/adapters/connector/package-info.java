/**
 * Connector types as Camel route templates, and the registry that instantiates them per recipient
 * and sends through them. Resilience (timeout, circuit breaker) lives in the templates; durable
 * retry lives in the gateway's outbox.
 */
package eu.focus.adapters.connector;

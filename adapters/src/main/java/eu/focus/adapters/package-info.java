/**
 * Connector types and national-system simulators.
 *
 * <p>A connector type is a Camel route template; a national system or recipient agency is one
 * instance of a template, created from configuration. Nothing in this module knows the policy or
 * the database: it receives a ready, minimised message and reports success or failure.
 */
package eu.focus.adapters;

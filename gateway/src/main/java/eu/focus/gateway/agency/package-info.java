/** The agencies the gateway knows, from configuration: id, country, type, and connector. */
package eu.focus.gateway.agency;

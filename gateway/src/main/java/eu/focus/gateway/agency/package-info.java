/**
 * The agencies the gateway knows, from configuration (id, country, type, connector), and the
 * national system files that say which system speaks for which agency, in which format.
 */
package eu.focus.gateway.agency;

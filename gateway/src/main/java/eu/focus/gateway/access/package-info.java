/** Pull access to records: object-level checks, policy re-check, minimised view, audit. */
package eu.focus.gateway.access;

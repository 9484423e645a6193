/**
 * Authentication and coarse authorisation: JWT resource server, roles AGENCY, AUDITOR, OPERATOR,
 * deny by default; the demo token issuer exists only on the demo profile. Object-level checks (an
 * agency reads only what it authored or received) live in the features.
 */
package eu.focus.gateway.security;

/**
 * Who is calling, and the coarse checks before any channel runs: JWT resource server, roles AGENCY,
 * AUDITOR, OPERATOR, deny by default. The filter chain is assembled from the access rules each
 * channel contributes ({@link eu.focus.gateway.security.ChannelAccess}), so this package knows no
 * channel's paths. Refusals (401, 403, 413) are audited and answered in the addressed channel's
 * shape. Object-level checks (an agency reads only what it authored or received) live in the flows.
 * The demo token issuer is not here: it lives in the demo module.
 */
package eu.focus.gateway.security;

/**
 * The error shapes every channel shares. A flow refuses with an {@link
 * eu.focus.gateway.problem.ApiException} carrying a problem code, status, the rule that refused and
 * every violation; each channel turns it into its own shape (problem+json, SOAP Fault, FHIR
 * OperationOutcome) with the same content. {@link eu.focus.gateway.problem.ChannelErrors} lets a
 * channel answer refusals that happen before its own code runs. The codes and statuses are listed
 * in docs/domain.md.
 */
package eu.focus.gateway.problem;

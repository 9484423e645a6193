/**
 * The FHIR R4 channel under {@code /fhir}: a HAPI FHIR plain server whose providers turn FHIR
 * resources into contract v1 documents (and back) with the contracts module's converter, validate
 * every incoming resource against the Focus profiles, and hand over to the same protocol-neutral
 * services as the REST and SOAP channels. Every error is an OperationOutcome carrying the problem
 * code, detail, rule and violations the REST channel would give.
 */
package eu.focus.gateway.channel.fhir;

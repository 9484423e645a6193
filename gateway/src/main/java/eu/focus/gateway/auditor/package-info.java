/**
 * The auditors' read side: search by subject, record, agency, person, purpose, outcome and time,
 * the child's disclosure report, decisions with the consent as it stood, the accountability report
 * (docs/auditor-guide.md), and CSV and FHIR exports. Every read is itself logged by the caller with
 * {@link eu.focus.gateway.auditor.AuditorReads}.
 */
package eu.focus.gateway.auditor;

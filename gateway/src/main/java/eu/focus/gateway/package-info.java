/**
 * The Focus Gateway application. The package names follow the data's path (docs/architecture.md):
 *
 * <ul>
 *   <li>{@code channel.*}: one package per way in (rest, soap, fhir, national, console); thin,
 *       protocol only, never importing one another;
 *   <li>flows, protocol-neutral, on contract v1: {@code intake} (a submission, in one transaction),
 *       {@code access} (reads), {@code consent}, {@code policy} (decisions, minimisation), {@code
 *       outbox} (deliveries owed), {@code delivery} (the workers), {@code retention}, {@code audit}
 *       (writing), {@code audit.merkle} (the verifiable log), {@code auditor} (the auditors' side);
 *   <li>shared kernels below them: {@code problem} (error shapes), {@code record} (stored records
 *       and exchanges), {@code agency} (agencies and national system files), {@code security} (who
 *       is calling), {@code config}, {@code metrics}, {@code schedule} (periodic work).
 * </ul>
 *
 * <p>Imports go one way, from channels down to kernels; ArchitectureTest keeps it so.
 */
package eu.focus.gateway;

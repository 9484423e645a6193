/**
 * National formats to and from contract v1. A national system is data, not code: a folder with a
 * {@code system.yaml}, a JSONata (JSON and CSV systems) or XSLT 3 (XML systems) mapping per
 * direction, its code lists as CSV files and golden cases; {@link eu.focus.mappings.CsvFormat}
 * turns a CSV file into rows for JSONata and rows back into a file. {@link
 * eu.focus.mappings.MappingRegistry} finds and compiles those folders on the classpath or in a
 * directory; {@link eu.focus.mappings.Mapping} turns a national payload into a validated contract
 * submission and a delivery message into a national payload, reporting every problem as a {@link
 * eu.focus.mappings.MappingError} instead of throwing; {@link eu.focus.mappings.MappingCli} does
 * the same from the command line so that an integrator can try a mapping without starting the
 * gateway.
 */
package eu.focus.mappings;

package eu.focus.gateway.audit.read;

import eu.focus.gateway.audit.AuditEntry;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Audit entries as RFC 4180 CSV (commons-csv: CRLF, quoting where needed), one header row, one row
 * per entry. A cell that a spreadsheet would run as a formula ({@code = + - @}, tab or carriage
 * return first) gets a leading apostrophe, as OWASP advises for CSV injection: the export is meant
 * to be opened by people, and a reason or path written by a caller must not execute there.
 */
public final class AuditCsv {

  static final List<String> HEADER =
      List.of(
          "seq",
          "entryId",
          "occurredAt",
          "action",
          "outcome",
          "actorAgency",
          "actorPerson",
          "actorRole",
          "purpose",
          "legalBasis",
          "consentId",
          "subjectPseudonym",
          "recordId",
          "recordVersion",
          "recipientAgency",
          "classes",
          "sourceCountry",
          "destinationCountry",
          "transferBasis",
          "refersTo",
          "reason",
          "correlationId",
          "channel");

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

  private AuditCsv() {}

  public static void write(List<AuditEntry> entries, Writer out) throws IOException {
    try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
      for (AuditEntry e : entries) {
        csv.printRecord(
            Arrays.stream(
                    new Object[] {
                      e.seq(),
                      e.entryId(),
                      e.occurredAt(),
                      e.action(),
                      e.outcome(),
                      e.actorAgency(),
                      e.actorPerson(),
                      e.actorRole(),
                      e.purpose(),
                      e.legalBasis(),
                      e.consentId(),
                      e.subjectPseudonym(),
                      e.recordId(),
                      e.recordVersion(),
                      e.recipientAgency(),
                      e.classes(),
                      e.sourceCountry(),
                      e.destinationCountry(),
                      e.transferBasis(),
                      e.refersTo(),
                      e.reason(),
                      e.correlationId(),
                      e.channel()
                    })
                .map(AuditCsv::cell)
                .toList());
      }
    }
  }

  /** The cell's text, neutralised when a spreadsheet would read it as a formula. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }
}

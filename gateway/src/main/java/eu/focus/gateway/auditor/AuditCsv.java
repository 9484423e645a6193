package eu.focus.gateway.auditor;

import eu.focus.gateway.audit.AuditEntry;
import eu.focus.gateway.audit.AuditField;
import java.io.IOException;
import java.io.Writer;
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

  /** The columns, in the export's own order (the action and outcome early, the reason late). */
  static final List<AuditField> COLUMNS =
      List.of(
          AuditField.SEQ,
          AuditField.ENTRY_ID,
          AuditField.OCCURRED_AT,
          AuditField.ACTION,
          AuditField.OUTCOME,
          AuditField.ACTOR_AGENCY,
          AuditField.ACTOR_PERSON,
          AuditField.ACTOR_ROLE,
          AuditField.PURPOSE,
          AuditField.LEGAL_BASIS,
          AuditField.CONSENT_ID,
          AuditField.SUBJECT_PSEUDONYM,
          AuditField.RECORD_ID,
          AuditField.RECORD_VERSION,
          AuditField.RECIPIENT_AGENCY,
          AuditField.CLASSES,
          AuditField.SOURCE_COUNTRY,
          AuditField.DESTINATION_COUNTRY,
          AuditField.TRANSFER_BASIS,
          AuditField.REFERS_TO,
          AuditField.REASON,
          AuditField.CORRELATION_ID,
          AuditField.CHANNEL);

  static final List<String> HEADER = COLUMNS.stream().map(AuditField::jsonName).toList();

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

  private AuditCsv() {}

  public static void write(List<AuditEntry> entries, Writer out) throws IOException {
    try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
      for (AuditEntry e : entries) {
        csv.printRecord(COLUMNS.stream().map(f -> cell(f.get(e))).toList());
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

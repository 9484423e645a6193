package eu.focus.gateway.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEntry;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  @Test
  void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
    assertThat(AuditCsv.cell("=1+2")).isEqualTo("'=1+2");
    assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
    assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
    assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
    assertThat(AuditCsv.cell("ro-police")).isEqualTo("ro-police");
    assertThat(AuditCsv.cell(null)).isEmpty();
  }

  @Test
  void writesRfc4180WithHeaderCrlfAndQuotedCells() throws Exception {
    AuditEntry e =
        new AuditEntry(
            7L,
            "e-1",
            Instant.parse("2026-11-29T10:00:00Z"),
            "ro-police",
            "officer",
            "AGENCY",
            AuditAction.DECIDED,
            "CHILD_PROTECTION",
            "LED_ART_8",
            null,
            "psn-1",
            "r-1",
            1,
            "ro-child-protection",
            "S1,S2",
            "PERMIT",
            "POL-MATRIX: said \"yes\"",
            "c-1",
            "REST",
            "RO",
            "RO",
            null,
            null);
    StringWriter out = new StringWriter();

    AuditCsv.write(List.of(e), out);

    String[] lines = out.toString().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("seq,entryId,occurredAt,action,outcome,");
    assertThat(lines[1])
        .startsWith("7,e-1,2026-11-29T10:00:00Z,DECIDED,PERMIT,ro-police,")
        .contains(",\"S1,S2\",")
        .contains(",\"POL-MATRIX: said \"\"yes\"\"\",");
  }
}

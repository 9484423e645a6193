package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CsvFormat FORMAT =
      new CsvFormat(';', '"', CsvFormat.EmptyCell.MISSING, List.of("tip_reda", "ime", "napomena"));

  private static MappingCall call() {
    return new MappingCall("xx-csv", Map.of());
  }

  private static List<String> errors(MappingCall call) {
    return call.errors().stream()
        .map(e -> e.field() + " | " + e.value() + " | " + e.message())
        .toList();
  }

  @Test
  void turnsEachDataRowIntoAnObjectWithItsRowNumberAndLeavesEmptyCellsOut() throws Exception {
    MappingCall call = call();
    JsonNode rows =
        FORMAT.parse(
            "tip_reda;ime;napomena\r\nDETE;Đorđe;\r\n\r\nUCESNIK;\"Jovanović; Milica\";\"reč \"\"mama\"\"\"\r\n",
            call);

    assertThat(call.errors()).isEmpty();
    assertThat(rows)
        .isEqualTo(
            JSON.readTree(
                "{\"rows\": [{\"_row\": 2, \"tip_reda\": \"DETE\", \"ime\": \"Đorđe\"},"
                    + " {\"_row\": 4, \"tip_reda\": \"UCESNIK\", \"ime\": \"Jovanović; Milica\","
                    + " \"napomena\": \"reč \\\"mama\\\"\"}]}"));
  }

  @Test
  void countsRowsAsLinesOfTheFileSoAQuotedLineBreakMovesTheNextRowDown() {
    MappingCall call = call();
    JsonNode rows =
        FORMAT.parse("tip_reda;ime;napomena\nNALAZ;;\"prvi red\ndrugi red\"\nMERA;;\n", call);

    assertThat(rows.at("/rows/0/napomena").asText()).isEqualTo("prvi red\ndrugi red");
    assertThat(rows.at("/rows/1/_row").asInt()).isEqualTo(4);
  }

  @Test
  void keepsEmptyCellsAsEmptyTextWhenTheSystemSaysSo() {
    CsvFormat format =
        new CsvFormat(',', '\'', CsvFormat.EmptyCell.EMPTY_TEXT, List.of("tip_reda", "ime"));
    JsonNode rows = format.parse("\uFEFFtip_reda,ime\nDETE,''\n", call());

    assertThat(rows.at("/rows/0/ime").isTextual()).isTrue();
    assertThat(rows.at("/rows/0/ime").asText()).isEmpty();
  }

  @Test
  void reportsEveryUnknownAndMissingColumnOfTheHeader() {
    MappingCall call = call();

    assertThat(FORMAT.parse("tip_reda;prezime;ime;ime\nDETE;a;b;c\n", call)).isNull();
    assertThat(errors(call))
        .containsExactly(
            "row 1, column prezime | prezime | unknown column 'prezime'; the header must name"
                + " exactly the declared columns",
            "row 1, column ime | ime | column 'ime' appears twice in the header",
            "row 1 | napomena | missing column 'napomena' in the header");
  }

  @Test
  void reportsRowsWithTheWrongNumberOfCellsByRowNumber() {
    MappingCall call = call();

    assertThat(FORMAT.parse("tip_reda;ime;napomena\nDETE;Ana\nMERA;;;\nNALAZ;;\n", call)).isNull();
    assertThat(errors(call))
        .containsExactly(
            "row 2 | null | the row has 2 cells; the header has 3",
            "row 3 | null | the row has 4 cells; the header has 3");
  }

  @Test
  void reportsAnUnclosedQuoteAsNotCsv() {
    MappingCall call = call();

    assertThat(FORMAT.parse("tip_reda;ime;napomena\nMERA;;\nDETE;\"Ana;x\nNALAZ;;\n", call))
        .isNull();
    assertThat(call.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("row 3"))
        .satisfies(e -> assertThat(e.message()).startsWith("not CSV: Missing closing quote"));
  }

  @Test
  void refusesAnEmptyFile() {
    MappingCall call = call();

    assertThat(FORMAT.parse("", call)).isNull();
    assertThat(errors(call))
        .containsExactly(" | null | the file is empty; a header row is required");
  }

  @Test
  void writesTheDeclaredHeaderAndQuotesOnlyWhereNeeded() throws Exception {
    MappingCall call = call();
    String csv =
        FORMAT.write(
            JSON.readTree(
                "{\"rows\": [{\"ime\": \"Marko\", \"tip_reda\": \"DETE\"},"
                    + " {\"tip_reda\": \"NALAZ\", \"napomena\": \"a; \\\"b\\\"\", \"ime\": 12}]}"),
            "outbound.jsonata",
            call);

    assertThat(call.errors()).isEmpty();
    assertThat(csv)
        .isEqualTo("tip_reda;ime;napomena\r\nDETE;Marko;\r\nNALAZ;12;\"a; \"\"b\"\"\"\r\n");
    assertThat(FORMAT.cells(csv))
        .containsExactly(
            List.of("tip_reda", "ime", "napomena"),
            List.of("DETE", "Marko", ""),
            List.of("NALAZ", "12", "a; \"b\""));
  }

  @Test
  void refusesOutputWithUndeclaredColumnsOrNestedValues() throws Exception {
    MappingCall call = call();

    assertThat(
            FORMAT.write(
                JSON.readTree(
                    "{\"rows\": [{\"tip_reda\": \"DETE\", \"boja\": \"plava\"},"
                        + " {\"tip_reda\": \"MERA\", \"ime\": {\"x\": 1}}]}"),
                "outbound.jsonata",
                call))
        .isNull();
    assertThat(errors(call))
        .containsExactly(
            " | null | outbound.jsonata: output row 0 has undeclared columns [boja]",
            " | null | outbound.jsonata: output row 1, column ime holds object; a cell takes text,"
                + " a number or a boolean");
  }

  @Test
  void readsTheCsvSectionOfTheDescriptorWithDefaults() throws Exception {
    CsvFormat format = CsvFormat.fromDescriptor(JSON.readTree("{\"columns\": [\"a\", \"b\"]}"));

    assertThat(format.separator()).isEqualTo(';');
    assertThat(format.quote()).isEqualTo('"');
    assertThat(format.emptyCell()).isEqualTo(CsvFormat.EmptyCell.MISSING);
    assertThat(format.columns()).containsExactly("a", "b");
  }

  @Test
  void refusesABrokenCsvSection() {
    assertThatThrownBy(
            () -> CsvFormat.fromDescriptor(JSON.readTree("{\"columns\": [\"a\", \"a\"]}")))
        .hasMessageContaining("'a' appears twice");
    assertThatThrownBy(() -> CsvFormat.fromDescriptor(JSON.readTree("{\"columns\": [\"_row\"]}")))
        .hasMessageContaining("not a column name");
    assertThatThrownBy(
            () ->
                CsvFormat.fromDescriptor(
                    JSON.readTree("{\"separator\": \";;\", \"columns\": [\"a\"]}")))
        .hasMessageContaining("must be one character");
    assertThatThrownBy(
            () ->
                CsvFormat.fromDescriptor(
                    JSON.readTree("{\"emptyCell\": \"null\", \"columns\": [\"a\"]}")))
        .hasMessageContaining("'missing' or 'empty-text'");
    assertThatThrownBy(
            () -> CsvFormat.fromDescriptor(JSON.readTree("{\"header\": true, \"columns\": []}")))
        .hasMessageContaining("unknown key 'header'");
  }
}

package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV path of the engine, end to end with the shipped CSV system {@code rs-csw-belgrade}: what
 * the golden cases do not show on their own.
 */
class CsvMappingTest {

  private static final String SYSTEM = "rs-csw-belgrade";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Mapping MAPPING = Mapping.load();

  private static String golden(String relative) throws Exception {
    Path dir = MAPPING.registry().system(SYSTEM).orElseThrow().directory().orElseThrow();
    return Files.readString(dir.resolve("golden").resolve(relative));
  }

  @Test
  void rowOrderInTheFileDoesNotMatterInbound() throws Exception {
    String file = golden("inbound/full-domestic-violence-victim/input.csv");
    List<String> lines = new ArrayList<>(file.lines().toList());
    List<String> data = new ArrayList<>(lines.subList(1, lines.size()));
    // PROCENA last and DETE in the middle: the row type, not the position, says what a row is
    Collections.rotate(data, -1);
    String reordered = lines.get(0) + "\r\n" + String.join("\r\n", data) + "\r\n";

    MappingResult<ObjectNode> original = MAPPING.inbound(SYSTEM, file);
    MappingResult<ObjectNode> shuffled = MAPPING.inbound(SYSTEM, reordered);

    assertThat(shuffled.errors()).isEmpty();
    assertThat(JsonText.canonical(shuffled.value()))
        .isEqualTo(JsonText.canonical(original.value()));
  }

  @Test
  void aFileWithOnlyTheHeaderNamesTheMissingRowTypes() throws Exception {
    String header = golden("inbound/minimal-witness-not-heard/input.csv").lines().findFirst().get();

    MappingResult<ObjectNode> result = MAPPING.inbound(SYSTEM, header + "\r\n");

    assertThat(result.errors())
        .extracting(MappingError::field, MappingError::message)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(
                "", "the file has no PROCENA row; exactly one is required"),
            org.assertj.core.groups.Tuple.tuple(
                "", "the file has no DETE row; exactly one is required"));
  }

  @Test
  void aSecondProcenaRowIsReportedAtItsRow() throws Exception {
    String file = golden("inbound/minimal-witness-not-heard/input.csv");
    String procena = file.lines().skip(1).findFirst().get();

    MappingResult<ObjectNode> result = MAPPING.inbound(SYSTEM, file + procena + "\r\n");

    assertThat(result.errors())
        .extracting(MappingError::field, MappingError::value, MappingError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "row 5, column tip_reda",
                "PROCENA",
                "a second PROCENA row; exactly one is required"));
  }

  @Test
  void writesTheSameBytesForTheSameDeliveryWithTheHeaderFirstAndCrlfLineEnds() throws Exception {
    String delivery = golden("outbound/full-unaccompanied-child-from-ro/input.json");

    String first = MAPPING.outbound(SYSTEM, delivery).value();
    String second = MAPPING.outbound(SYSTEM, JSON.readTree(delivery)).value();

    assertThat(first).isEqualTo(second);
    assertThat(first).startsWith("tip_reda;id_poruke;poslato;").endsWith("\r\n");
    assertThat(first.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith("\r"));
    assertThat(first.split("\r\n")[1]).startsWith("PROCENA;a1b2c308-");
  }

  @Test
  void aDeliveryWithinSerbiaNeedsNoTransferBasis() throws Exception {
    ObjectNode delivery = (ObjectNode) JSON.readTree(golden("outbound/revocation/input.json"));
    delivery.put("sourceCountry", "RS").put("sourceAgency", "rs-police");
    ((ObjectNode) delivery.get("legalBasis")).remove("transferBasis");

    MappingResult<String> result = MAPPING.outbound(SYSTEM, delivery);

    assertThat(result.errors()).isEmpty();
    assertThat(result.value()).contains("\r\nOPOZIV;");
  }
}

package eu.focus.gateway.channel.national;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.support.Examples;
import eu.focus.gateway.support.GatewayIT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The file exchange connector types against the folders of the Serbian centre for social work (the
 * demo's {@code rs-csw-belgrade} system file, unchanged): a CSV file dropped by the centre is taken
 * in and moved to {@code done/}; an unmappable one goes to {@code error/} with every error in a
 * file beside it and nothing stored; deliveries are written as CSV files; and while the outgoing
 * folder cannot be written the circuit opens and the record waits, to be written when it can.
 */
class FileSystemIT extends GatewayIT {

  private static final Path IN = FILE_ROOT.resolve("rs-csw-belgrade/to-gateway");
  private static final Path OUT = FILE_ROOT.resolve("rs-csw-belgrade/from-gateway");

  /** Drops a file the way the centre must: written under a temporary name, then renamed. */
  private static void drop(String name, String content) throws IOException {
    Path tmp = IN.resolve(name + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, IN.resolve(name));
  }

  @Test
  void takesInADroppedCsvFileAndMovesItToDone() throws IOException {
    String csv = Examples.nationalMessage("rs-csw-belgrade", "full-domestic-violence-victim");
    long before = count("exchange");

    drop("procena-ok.csv", csv);

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(IN.resolve("done/procena-ok.csv")).exists();
              assertThat(count("exchange")).isEqualTo(before + 1);
            });
    assertThat(IN.resolve("procena-ok.csv")).doesNotExist();
  }

  @Test
  void movesAnUnmappableFileToErrorWithEveryErrorBesideItAndStoresNothing() throws IOException {
    String csv = Examples.nationalMessage("rs-csw-belgrade", "error-wrong-header");
    Map<String, Long> before = counts();

    drop("procena-bad.csv", csv);

    // The refused file is moved to error/ before its report is written (FileDropTemplate): wait
    // for both, and for the audit entry, before asserting on any of them.
    Path errors = IN.resolve("error/procena-bad.csv.errors.txt");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(IN.resolve("error/procena-bad.csv")).exists();
              assertThat(errors).exists();
              assertThat(
                      get(
                              "/api/v1/audit/entries?action=REJECTED&agency=rs-csw-belgrade",
                              roleToken("AUDITOR"))
                          .json()
                          .findValuesAsText("reason"))
                  .anyMatch(reason -> reason.startsWith("MAPPING-FAILED rs-csw-belgrade"));
            });
    assertThat(Files.readString(errors, StandardCharsets.UTF_8))
        .contains("rs-csw-belgrade")
        .contains("row 1, column datum_rodenja")
        .contains("missing column 'datum_rodjenja'");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void writesDeliveriesAsCsvAndAfterTheFolderWasUnwritableWritesWhatWaited() throws Exception {
    ObjectNode first = freshSubmission("08");
    Response ok = post("/api/v1/exchanges", agencyToken("ro-child-protection"), first);
    assertThat(ok.json().at("/decisions/0/decision").asText()).as(ok.text()).isEqualTo("PERMIT");
    awaitDeliveryStatus(ok.json().at("/decisions/0/deliveryId").asText(), "DELIVERED");
    assertThat(filesMentioning(first.at("/record/recordId").asText()))
        .singleElement()
        .satisfies(f -> assertThat(Files.readString(f)).startsWith("tip_reda;"));

    // The centre's folder is gone and a plain file stands in its place (root ignores chmod).
    Path moved = OUT.resolveSibling("from-gateway.away");
    Files.move(OUT, moved);
    Files.writeString(OUT, "not a folder");
    try {
      ObjectNode waiting = freshSubmission("08");
      Response r = post("/api/v1/exchanges", agencyToken("ro-child-protection"), waiting);
      String deliveryId = r.json().at("/decisions/0/deliveryId").asText();
      awaitCircuitOpen(deliveryId);

      Files.delete(OUT);
      Files.move(moved, OUT);
      awaitDeliveryStatus(deliveryId, "DELIVERED");
      assertThat(filesMentioning(waiting.at("/record/recordId").asText())).hasSize(1);
    } finally {
      if (Files.exists(moved)) {
        Files.deleteIfExists(OUT);
        Files.move(moved, OUT);
      }
    }
  }

  private static List<Path> filesMentioning(String text) throws IOException {
    try (Stream<Path> files = Files.list(OUT)) {
      return files
          .filter(f -> f.toString().endsWith(".csv"))
          .filter(
              f -> {
                try {
                  return Files.readString(f, StandardCharsets.UTF_8).contains(text);
                } catch (IOException e) {
                  return false;
                }
              })
          .toList();
    }
  }
}

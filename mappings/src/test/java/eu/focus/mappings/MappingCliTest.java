package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        MappingCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String golden(String system, String relative) {
    return MappingRegistry.load()
        .system(system)
        .orElseThrow()
        .directory()
        .orElseThrow()
        .resolve("golden")
        .resolve(relative)
        .toString();
  }

  @Test
  void printsTheSubmissionOfAValidNationalPayloadAndExitsZero() throws Exception {
    Run run =
        run(
            "map",
            "inbound",
            "ro-police",
            golden("ro-police", "inbound/full-victim-sexual-abuse/input.json"));

    assertThat(run.exit()).isEqualTo(MappingCli.OK);
    assertThat(run.err()).isEmpty();
    JsonNode expected =
        JSON.readTree(
            Path.of(golden("ro-police", "inbound/full-victim-sexual-abuse/expected.json"))
                .toFile());
    assertThat(JsonText.canonical(run.out())).isEqualTo(JsonText.canonical(expected));
  }

  @Test
  void printsTheNationalPayloadOfADeliveryMessageKeepingGreekText() {
    Run run =
        run(
            "map",
            "outbound",
            "gr-houses-of-child",
            golden("gr-houses-of-child", "outbound/full-from-gr-police/input.json"));

    assertThat(run.exit()).isEqualTo(MappingCli.OK);
    assertThat(run.out()).contains("\"chora\": \"EL\"").contains("Παπαδοπούλου");
  }

  @Test
  void printsEveryErrorOnItsOwnLineAndExitsTwo() {
    Run run =
        run(
            "map",
            "inbound",
            "ro-police",
            golden("ro-police", "inbound/error-unknown-and-unmapped-codes/input.json"));

    assertThat(run.exit()).isEqualTo(MappingCli.MAPPING_ERRORS);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .hasSize(10)
        .allSatisfy(line -> assertThat(line.split("\t")).hasSize(4))
        .contains(
            "ro-police\t/dosar/infractiuni/0/articol\tart. 999\tunknown national code 'art. 999'"
                + " in code list 'infractiune'",
            "ro-police\tcontract:/record/case/caseRef\t-\trequired property 'caseRef' not found");
  }

  @Test
  void mapsACsvFileInboundAndADeliveryToCsvOutbound() throws Exception {
    Run in =
        run(
            "map",
            "inbound",
            "rs-csw-belgrade",
            golden("rs-csw-belgrade", "inbound/full-domestic-violence-victim/input.csv"));
    Run out =
        run(
            "map",
            "outbound",
            "rs-csw-belgrade",
            golden("rs-csw-belgrade", "outbound/revocation/input.json"));

    assertThat(in.exit()).isEqualTo(MappingCli.OK);
    assertThat(JSON.readTree(in.out()).at("/record/child/birthDate/value").asText())
        .isEqualTo("2012-03-14");
    assertThat(out.exit()).isEqualTo(MappingCli.OK);
    assertThat(out.out()).startsWith("tip_reda;id_poruke;").contains("\r\nOPOZIV;");
  }

  @Test
  void reportsCsvErrorsByRowAndColumn() throws Exception {
    Path file = dir.resolve("procena.csv");
    String header =
        Files.readString(
                Path.of(golden("rs-csw-belgrade", "inbound/minimal-witness-not-heard/input.csv")))
            .lines()
            .findFirst()
            .orElseThrow();
    Files.writeString(file, header.replace(";email;", ";e_mail;") + "\r\n");

    Run run = run("map", "inbound", "rs-csw-belgrade", file.toString());

    assertThat(run.exit()).isEqualTo(MappingCli.MAPPING_ERRORS);
    assertThat(run.err().lines())
        .containsExactly(
            "rs-csw-belgrade\trow 1, column e_mail\te_mail\tunknown column 'e_mail'; the header"
                + " must name exactly the declared columns",
            "rs-csw-belgrade\trow 1\temail\tmissing column 'email' in the header");
  }

  @Test
  void reportsMalformedJsonAsOneLineAtTheRoot() throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{ not json");

    Run run = run("map", "inbound", "gr-houses-of-child", file.toString());

    assertThat(run.exit()).isEqualTo(MappingCli.MAPPING_ERRORS);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("gr-houses-of-child\t\"\"\t-\tnot JSON");
  }

  @Test
  void mapsWithASystemFromADirectory() throws Exception {
    new TestSystem().writeTo(dir.resolve("systems"));
    Path payload = dir.resolve("payload.json");
    Files.writeString(payload, TestSystem.PAYLOAD);

    Run run =
        run(
            "map",
            "inbound",
            TestSystem.ID,
            payload.toString(),
            "--systems",
            dir.resolve("systems").toString());

    assertThat(run.exit()).isEqualTo(MappingCli.OK);
    assertThat(JSON.readTree(run.out()).at("/record/provenance/mappingVersion").asText())
        .isEqualTo("xx-demo@2.1.0");
  }

  @Test
  void listsTheSystems() {
    Run run = run("systems");

    assertThat(run.exit()).isEqualTo(MappingCli.OK);
    assertThat(run.out().lines())
        .contains("ro-police@1.0.0\tjson\tro-police\tRO-POL Minori (demo)")
        .anyMatch(line -> line.startsWith("rs-csw-belgrade@1.0.0\tcsv\trs-csw-belgrade\t"));
  }

  @Test
  void exitsWithUsageWhenArgumentsAreWrong() {
    assertThat(run().exit()).isEqualTo(MappingCli.USAGE);
    assertThat(run("map", "sideways", "ro-police", "x.json").exit()).isEqualTo(MappingCli.USAGE);
    assertThat(run("map", "inbound", "ro-police").exit()).isEqualTo(MappingCli.USAGE);
    assertThat(run("map", "inbound", "ro-police", "x.json", "--systems").exit())
        .isEqualTo(MappingCli.USAGE);
    assertThat(run("translate", "inbound", "ro-police", "x.json").exit())
        .isEqualTo(MappingCli.USAGE);
    assertThat(run("map", "inbound", "ro-police", "x.json", "--verbose").exit())
        .isEqualTo(MappingCli.USAGE);
  }

  @Test
  void exitsWithUsageForAFileThatCannotBeRead() {
    Run run = run("map", "inbound", "ro-police", dir.resolve("missing.json").toString());

    assertThat(run.exit()).isEqualTo(MappingCli.USAGE);
    assertThat(run.err()).startsWith("cannot read ").contains("usage:");
  }

  @Test
  void exitsWithUsageForAnUnknownSystem() throws Exception {
    Path file = dir.resolve("p.json");
    Files.writeString(file, "{}");

    Run run = run("map", "inbound", "xx-nobody", file.toString());

    assertThat(run.exit()).isEqualTo(MappingCli.USAGE);
    assertThat(run.err()).contains("unknown system 'xx-nobody'").contains("ro-police");
  }

  @Test
  void exitsWithBrokenSystemWhenAFolderDoesNotLoad() throws Exception {
    new TestSystem().with("inbound.jsonata", "{ broken").writeTo(dir);
    Path file = dir.resolve("p.json");
    Files.writeString(file, "{}");

    Run run = run("map", "inbound", TestSystem.ID, file.toString(), "--systems", dir.toString());

    assertThat(run.exit()).isEqualTo(MappingCli.BROKEN_SYSTEM);
    assertThat(run.err()).contains("inbound.jsonata: JSONata does not parse");
  }

  @Test
  void printsHelpOnRequest() {
    Run run = run("--help");

    assertThat(run.exit()).isEqualTo(MappingCli.OK);
    assertThat(run.out()).startsWith("usage: map <inbound|outbound>");
  }
}

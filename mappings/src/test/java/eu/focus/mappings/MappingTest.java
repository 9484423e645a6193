package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MappingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ContractValidator VALIDATOR = ContractValidator.load();
  private static final Mapping SHIPPED = new Mapping(MappingRegistry.load(), VALIDATOR);

  @TempDir Path dir;

  private Mapping demo(TestSystem system) {
    return new Mapping(MappingRegistry.loadFrom(system.writeTo(dir)), VALIDATOR);
  }

  @Test
  void mapsAPayloadOfASystemWrittenAtTestTime() {
    MappingResult<ObjectNode> result =
        demo(new TestSystem()).inbound(TestSystem.ID, TestSystem.PAYLOAD);

    assertThat(result.errors()).isEmpty();
    assertThat(result.value().at("/record/case/childRoles/0/role").asText()).isEqualTo("WITNESS");
    assertThat(result.value().at("/record/child/name/family").asText()).isEqualTo("Popa");
  }

  @Test
  void stampsTheMappingVersionWhateverTheMappingWrites() {
    ObjectNode submission =
        demo(new TestSystem()).inbound(TestSystem.ID, TestSystem.PAYLOAD).value();

    assertThat(submission.at("/record/provenance/mappingVersion").asText())
        .isEqualTo("xx-demo@2.1.0");
  }

  @Test
  void reportsMalformedJsonAsOneErrorAtTheRoot() {
    MappingResult<ObjectNode> result = SHIPPED.inbound("ro-police", "{\"idMesaj\": ");

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.errors()).hasSize(1);
    MappingError error = result.errors().get(0);
    assertThat(error.system()).isEqualTo("ro-police");
    assertThat(error.field()).isEmpty();
    assertThat(error.value()).isNull();
    assertThat(error.message()).startsWith("not JSON: ").contains("line 1");
  }

  @Test
  void refusesDuplicateMembersAsMalformed() {
    MappingResult<ObjectNode> result = SHIPPED.inbound("ro-police", "{\"scop\": 1, \"scop\": 2}");

    assertThat(result.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("scop"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "null", "[]", "42", "\"text\"", "{}", "[1, {\"a\": null}]"})
  void neverThrowsAndAlwaysExplainsForOddJson(String payload) {
    MappingResult<ObjectNode> result = SHIPPED.inbound("gr-houses-of-child", payload);

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.message()).isNotBlank());
  }

  @Test
  void reportsEveryBadCodeNotJustTheFirst() {
    MappingResult<ObjectNode> result =
        demo(new TestSystem()
                .with(
                    "inbound.jsonata",
                    "[$toContract('rol', a, '/a'), $toContract('rol', b, '/b')]"))
            .inbound(TestSystem.ID, "{\"a\": \"X\", \"b\": \"PARTE_CIVILA\"}");

    assertThat(result.errors())
        .extracting(MappingError::field, MappingError::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/a", "X"),
            org.assertj.core.groups.Tuple.tuple("/b", "PARTE_CIVILA"),
            org.assertj.core.groups.Tuple.tuple("", null));
    assertThat(result.errors().get(0).message())
        .isEqualTo("unknown national code 'X' in code list 'rol'");
    assertThat(result.errors().get(1).message())
        .isEqualTo(
            "national code 'PARTE_CIVILA' of code list 'rol' has no contract equivalent: a civil"
                + " claim, not a role");
    assertThat(result.errors().get(2).message()).contains("must produce a JSON object");
  }

  @Test
  void turnsContractViolationsIntoErrorsWithAContractPointerAndTheValue() {
    MappingResult<ObjectNode> result =
        demo(new TestSystem())
            .inbound(
                TestSystem.ID,
                TestSystem.PAYLOAD.replace("0b6e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", "not-a-uuid"));

    assertThat(result.errors())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.isContractViolation()).isTrue())
        .anySatisfy(
            e -> {
              assertThat(e.field()).isEqualTo("contract:/messageId");
              assertThat(e.value()).isEqualTo("not-a-uuid");
            });
  }

  @Test
  void aMissingCodeIsNotAnErrorOfTheMappingButOfTheContract() {
    MappingResult<ObjectNode> result =
        demo(new TestSystem())
            .inbound(TestSystem.ID, TestSystem.PAYLOAD.replace("\"rol\": \"MARTOR\", ", ""));

    assertThat(result.errors())
        .extracting(MappingError::field)
        .containsExactly("contract:/record/case/childRoles/0/role");
  }

  @Test
  void reportsAFailingExpressionInsteadOfThrowing() {
    MappingResult<ObjectNode> result =
        demo(new TestSystem().with("inbound.jsonata", "$error('broken on purpose')"))
            .inbound(TestSystem.ID, "{}");

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> assertThat(e.message()).isEqualTo("inbound.jsonata failed: broken on purpose"));
  }

  @Test
  void stopsARunawayRecursion() {
    MappingResult<ObjectNode> result =
        demo(new TestSystem()
                .with("inbound.jsonata", "($f := function($n) { 1 + $f($n + 1) }; $f(0))"))
            .inbound(TestSystem.ID, "{}");

    assertThat(result.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("inbound.jsonata failed: "));
  }

  @Test
  void recordsErrorsAMappingRaisesItself() {
    MappingResult<ObjectNode> result =
        demo(new TestSystem()
                .with("inbound.jsonata", "{\"a\": $mappingError('/d', d, 'expected DD/MM/YYYY')}"))
            .inbound(TestSystem.ID, "{\"d\": \"2014-06-12\"}");

    assertThat(result.errors().get(0))
        .isEqualTo(new MappingError(TestSystem.ID, "/d", "2014-06-12", "expected DD/MM/YYYY"));
  }

  @Test
  void reportsSeveralValuesWhereOneCodeIsExpected() {
    MappingResult<ObjectNode> result =
        demo(new TestSystem()
                .with("inbound.jsonata", "{\"r\": $toContract('rol', roles, '/roles')}"))
            .inbound(TestSystem.ID, "{\"roles\": [\"MARTOR\", \"PARTE_VATAMATA\"]}");

    assertThat(result.errors().get(0).field()).isEqualTo("/roles");
    assertThat(result.errors().get(0).message()).contains("found several values");
  }

  @Test
  void treatsNullMembersOfTheNationalPayloadAsMissing() {
    MappingResult<ObjectNode> result =
        demo(new TestSystem())
            .inbound(
                TestSystem.ID,
                TestSystem.PAYLOAD.replace("\"prenume\": \"Ana\"", "\"prenume\": null"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.value().at("/record/child/name").has("given")).isFalse();
  }

  @Test
  void reportsAnUnknownSystem() {
    MappingResult<String> result = SHIPPED.outbound("xx-nobody", JSON.createObjectNode());

    assertThat(result.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("unknown national system 'xx-nobody'"));
  }

  @Test
  void reportsMissingArgumentsInsteadOfThrowing() {
    assertThat(SHIPPED.inbound(null, "{}").errors()).hasSize(1);
    assertThat(SHIPPED.inbound("ro-police", null).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("no payload"));
    assertThat(
            SHIPPED.outbound("ro-police", (com.fasterxml.jackson.databind.JsonNode) null).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("contract:"));
  }

  @Test
  void refusesAPayloadAboveTheSizeLimit() {
    String huge = "{\"a\": \"" + "x".repeat(Mapping.MAX_PAYLOAD_CHARS) + "\"}";

    assertThat(SHIPPED.inbound("ro-police", huge).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("at most"));
  }

  @Test
  void refusesJsonNestedDeeperThanTheLimit() {
    String deep = "[".repeat(Mapping.MAX_JSON_DEPTH + 1) + "]".repeat(Mapping.MAX_JSON_DEPTH + 1);

    assertThat(SHIPPED.inbound("ro-police", deep).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("not JSON"));
  }

  @Test
  void checksTheDeliveryEnvelopeBeforeMappingOutbound() {
    MappingResult<String> result = SHIPPED.outbound("ro-police", "{\"kind\": \"ASSESSMENT\"}");

    assertThat(result.errors())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.field()).startsWith("contract:"))
        .anySatisfy(e -> assertThat(e.field()).isEqualTo("contract:/deliveryId"));
  }

  @Test
  void printsTheNationalPayloadDeterministically() throws Exception {
    Path delivery =
        MappingRegistry.load()
            .system("gr-houses-of-child")
            .orElseThrow()
            .directory()
            .orElseThrow()
            .resolve("golden/outbound/full-from-gr-police/input.json");
    String message = java.nio.file.Files.readString(delivery);

    String first = SHIPPED.outbound("gr-houses-of-child", message).value();
    String second = SHIPPED.outbound("gr-houses-of-child", JSON.readTree(message)).value();

    assertThat(first)
        .isEqualTo(second)
        .doesNotContain("\r")
        .startsWith("{\n  \"kodikosMinymatos\": ");
    assertThat(first).contains("\"Ελένη\"");
  }

  @Test
  void refusesADoctypeInXmlInsteadOfResolvingIt() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE k [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<kornyezettanulmany xmlns=\"urn:hu:partfogo:kornyezettanulmany:1\">&x;</kornyezettanulmany>";

    MappingResult<ObjectNode> result = SHIPPED.inbound("hu-probation-xml", xxe);

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEmpty();
              assertThat(e.message()).startsWith("not well-formed XML").contains("DOCTYPE");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unparsed-text('file:///etc/hostname')",
        "string(doc('file:///etc/hostname'))",
        "string(json-doc('file:///etc/hostname'))",
        "count(collection('file:///etc/'))"
      })
  void keepsAStylesheetFromReadingFiles(String read) {
    String stylesheet =
        "<xsl:stylesheet version='3.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
            + "<xsl:template match='/'><xsl:sequence select=\"map{'x': "
            + read
            + "}\"/></xsl:template></xsl:stylesheet>";
    Mapping mapping =
        demo(
            new TestSystem()
                .with(
                    "system.yaml",
                    TestSystem.SYSTEM_YAML
                        .replace("format: json", "format: xml")
                        .replace(".jsonata", ".xsl"))
                .with("inbound.xsl", stylesheet)
                .with("outbound.xsl", stylesheet));

    MappingResult<ObjectNode> result = mapping.inbound(TestSystem.ID, "<a/>");

    assertThat(result.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("inbound.xsl failed: "));
  }

  @Test
  void reportsMalformedXmlAsOneErrorAtTheRoot() {
    assertThat(SHIPPED.inbound("hu-probation-xml", "<kornyezettanulmany>").errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("not well-formed XML"));
  }

  @Test
  void canBeCalledInAPlainLoop() {
    String payload = read("ro-police", "golden/inbound/full-victim-sexual-abuse/input.json");
    ObjectNode first = SHIPPED.inbound("ro-police", payload).value();

    for (int i = 0; i < 200; i++) {
      assertThat(SHIPPED.inbound("ro-police", payload).value()).isEqualTo(first);
    }
  }

  @Test
  void concurrentRunsNeitherMixResultsNorLeakErrors() throws Exception {
    List<GoldenCase> cases = GoldenCase.all(SHIPPED.registry());
    List<MappingResult<?>> expected = new ArrayList<>();
    for (GoldenCase golden : cases) {
      expected.add(run(golden));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (int i = 0; i < cases.size(); i++) {
          GoldenCase golden = cases.get(i);
          MappingResult<?> wanted = expected.get(i);
          Callable<Boolean> task =
              () -> {
                MappingResult<?> actual = run(golden);
                return actual.errors().equals(wanted.errors())
                    && actual.valueIfSuccess().equals(wanted.valueIfSuccess());
              };
          futures.add(pool.submit(task));
        }
      }
      for (Future<Boolean> future : futures) {
        assertThat(future.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static MappingResult<?> run(GoldenCase golden) {
    String input = golden.read(golden.input());
    return golden.inbound()
        ? SHIPPED.inbound(golden.system().id(), input)
        : SHIPPED.outbound(golden.system().id(), input);
  }

  private static String read(String system, String file) {
    try {
      return java.nio.file.Files.readString(
          SHIPPED.registry().system(system).orElseThrow().directory().orElseThrow().resolve(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

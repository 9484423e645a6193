package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractValidator;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.WhitespaceStrippingPolicy;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every golden case of every national system the registry finds on the test classpath: the
 * shipped systems and the test-only XML system. A case passes when the mapping produces exactly the
 * expected document (compared as JSON, as XML without formatting whitespace, or as CSV parsed into
 * rows of cells with the system's dialect, so that quoting and line ends do not count) or exactly
 * the expected errors.
 */
class GoldenCasesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MappingRegistry REGISTRY = MappingRegistry.load();
  private static final ContractValidator VALIDATOR = ContractValidator.load();
  private static final Mapping MAPPING = new Mapping(REGISTRY, VALIDATOR);

  static List<GoldenCase> cases() {
    return GoldenCase.all(REGISTRY);
  }

  static List<GoldenCase> inboundSuccessCases() {
    return cases().stream().filter(c -> c.inbound() && c.expected().isPresent()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void mappingGivesTheExpectedDocumentOrErrors(GoldenCase golden) throws Exception {
    String input = golden.read(golden.input());
    MappingResult<?> result =
        golden.inbound()
            ? MAPPING.inbound(golden.system().id(), input)
            : MAPPING.outbound(golden.system().id(), input);

    if (golden.expectedErrors().isPresent()) {
      assertThat(result.isSuccess()).as("the mapping should fail").isFalse();
      assertThat(describe(result.errors()))
          .isEqualTo(expectedErrors(golden.read(golden.expectedErrors().get())));
      return;
    }
    assertThat(result.errors()).as("errors").isEmpty();
    String expected = golden.read(golden.expected().orElseThrow());
    if (golden.expected().get().toString().endsWith(".xml")) {
      assertThat(normalisedXml((String) result.value())).isEqualTo(normalisedXml(expected));
    } else if (golden.expected().get().toString().endsWith(".csv")) {
      CsvFormat csv = golden.system().csv().orElseThrow();
      assertThat(csv.cells((String) result.value())).isEqualTo(csv.cells(expected));
    } else if (golden.inbound()) {
      assertThat(JsonText.canonical((ObjectNode) result.value()))
          .isEqualTo(JsonText.canonical(expected));
    } else {
      assertThat(JsonText.canonical((String) result.value()))
          .isEqualTo(JsonText.canonical(expected));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inboundSuccessCases")
  void expectedSubmissionIsValidAgainstTheContract(GoldenCase golden) throws Exception {
    JsonNode expected = JSON.readTree(golden.read(golden.expected().orElseThrow()));
    assertThat(VALIDATOR.validate(ContractDocument.SUBMISSION, expected)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseHasOneInputAndEitherAnExpectedDocumentOrExpectedErrors(GoldenCase golden) {
    List<String> names = golden.files().stream().map(f -> f.getFileName().toString()).toList();
    assertThat(names).hasSize(2);
    assertThat(names)
        .anyMatch(n -> n.equals("input.json") || n.equals("input.xml") || n.equals("input.csv"));
    assertThat(names)
        .anyMatch(
            n ->
                n.equals("expected.json")
                    || n.equals("expected.xml")
                    || n.equals("expected.csv")
                    || n.equals("expected-errors.json"));
  }

  @Test
  void everySystemHasAtLeastThreeCasesPerDirection() {
    Map<String, Long> counts =
        cases().stream()
            .collect(
                Collectors.groupingBy(
                    c -> c.system().id() + " " + c.direction(),
                    TreeMap::new,
                    Collectors.counting()));
    List<String> expectedKeys = new ArrayList<>();
    for (NationalSystem system : REGISTRY.systems()) {
      expectedKeys.add(system.id() + " " + GoldenCase.INBOUND);
      expectedKeys.add(system.id() + " " + GoldenCase.OUTBOUND);
    }
    assertThat(counts).containsOnlyKeys(expectedKeys);
    assertThat(counts.values()).allMatch(n -> n >= 3);
  }

  @Test
  void everySystemHasAFullInboundCaseAnErrorCaseAndANonLatinText() {
    for (NationalSystem system : REGISTRY.systems()) {
      List<GoldenCase> inbound =
          cases().stream().filter(c -> c.system() == system && c.inbound()).toList();
      assertThat(inbound).as(system.id()).anyMatch(c -> c.name().startsWith("full-"));
      assertThat(inbound).as(system.id()).anyMatch(c -> c.expectedErrors().isPresent());
    }
    assertThat(cases())
        .filteredOn(c -> c.system().format() == NationalSystem.Format.JSON)
        .anyMatch(c -> c.read(c.input()).codePoints().anyMatch(cp -> cp >= 0x0370));
  }

  private static List<String> describe(List<MappingError> errors) {
    return errors.stream().map(e -> e.field() + " | " + e.value() + " | " + e.message()).toList();
  }

  private static List<String> expectedErrors(String json) throws Exception {
    List<String> expected = new ArrayList<>();
    for (JsonNode error : JSON.readTree(json)) {
      expected.add(
          error.path("field").asText()
              + " | "
              + (error.path("value").isNull() || error.path("value").isMissingNode()
                  ? null
                  : error.path("value").asText())
              + " | "
              + error.path("message").asText());
    }
    return expected;
  }

  /** The XML without formatting whitespace, so that indentation does not count. */
  static String normalisedXml(String xml) throws SaxonApiException {
    Processor processor = new Processor(false);
    var builder = processor.newDocumentBuilder();
    builder.setWhitespaceStrippingPolicy(WhitespaceStrippingPolicy.ALL);
    XdmNode document = builder.build(new StreamSource(new StringReader(xml)));
    java.io.StringWriter out = new java.io.StringWriter();
    Serializer serializer = processor.newSerializer(out);
    serializer.setOutputProperty(Serializer.Property.INDENT, "no");
    serializer.setOutputProperty(Serializer.Property.OMIT_XML_DECLARATION, "yes");
    serializer.serializeNode(document);
    return out.toString();
  }
}

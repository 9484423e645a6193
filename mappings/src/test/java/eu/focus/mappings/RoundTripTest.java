package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractValidator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * National → contract → national keeps every field of each full golden input. The submission is
 * wrapped in the delivery message its first recipient would get (nothing withheld), mapped back,
 * and every leaf of the original payload must come back at the same place with the same value: the
 * same JSON pointer for a JSON system, the same path ({@link XmlLeaves}) for an XML system. Fields
 * a system declares in {@code oneWayFields} of its {@code system.yaml} are skipped, each with its
 * reason there. The way back may add fields (the delivery's own data); it may not lose or change
 * any. Systems whose outbound mapping deliberately carries only a few fields (the test-only {@code
 * hu-probation-xml} fixture) are listed in {@link #PARTIAL_OUTBOUND} and left out.
 */
class RoundTripTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MappingRegistry REGISTRY = MappingRegistry.load();
  private static final ContractValidator VALIDATOR = ContractValidator.load();
  private static final Mapping MAPPING = new Mapping(REGISTRY, VALIDATOR);

  /** Test fixtures whose outbound mapping maps only a few fields on purpose. */
  static final java.util.Set<String> PARTIAL_OUTBOUND = java.util.Set.of("hu-probation-xml");

  static List<GoldenCase> fullInboundCases() {
    return GoldenCase.all(REGISTRY).stream()
        .filter(c -> !PARTIAL_OUTBOUND.contains(c.system().id()))
        .filter(c -> c.inbound() && c.name().startsWith("full-"))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fullInboundCases")
  void nationalToContractToNationalKeepsEveryMappedField(GoldenCase golden) throws Exception {
    String system = golden.system().id();
    String original = golden.read(golden.input());

    ObjectNode submission = MAPPING.inbound(system, original).value();
    ObjectNode delivery = deliveryTo(submission, submission.path("recipients").path(0).asText());
    assertThat(VALIDATOR.validate(ContractDocument.DELIVERY_MESSAGE, delivery)).isEmpty();
    MappingResult<String> out = MAPPING.outbound(system, delivery);
    assertThat(out.errors()).as("errors on the way back").isEmpty();
    String back = out.value();

    List<String> lost =
        golden.system().format() == NationalSystem.Format.XML
            ? lostXml(original, back, golden.system().oneWayFields())
            : lost(
                nationalTree(golden.system(), original),
                nationalTree(golden.system(), back),
                golden.system().oneWayFields());
    assertThat(lost).as("fields lost or changed on the way back").isEmpty();
  }

  @org.junit.jupiter.api.Test
  void xmlComparisonReportsALostOrChangedLeafButNotAnAddedOrOneWayOne() {
    String original =
        "<a xmlns='urn:x'><b>1</b><l><n k='v'>x</n><n>y</n></l><secret>s</secret><gone>g</gone></a>";
    String back =
        "<p:a xmlns:p='urn:x'><p:b>1</p:b><p:l><p:n k='w'>x</p:n><p:n>z</p:n></p:l>"
            + "<p:extra>e</p:extra></p:a>";

    assertThat(lostXml(original, back, Map.of("/a/secret[*]", "internal")))
        .containsExactly(
            "/a/l[1]/n[1]/@k: \"v\" came back as \"w\"",
            "/a/l[1]/n[2]: \"y\" came back as \"z\"",
            "/a/gone[1]: \"g\" came back as nothing");
  }

  /** Leaves of the original XML that are missing or different in {@code back}. */
  static List<String> lostXml(String original, String back, Map<String, String> oneWay) {
    Map<String, String> returned = XmlLeaves.of(back);
    List<String> lost = new ArrayList<>();
    XmlLeaves.of(original)
        .forEach(
            (path, value) -> {
              if (isOneWayOrInside(path, oneWay)) {
                return;
              }
              String came = returned.get(path);
              if (!value.equals(came)) {
                lost.add(
                    path
                        + ": \""
                        + value
                        + "\" came back as "
                        + (came == null ? "nothing" : "\"" + came + "\""));
              }
            });
    return lost;
  }

  /** Whether a path or one of its ancestors is declared one-way. */
  private static boolean isOneWayOrInside(String path, Map<String, String> oneWay) {
    for (int end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
      if (isOneWay(path.substring(0, end), oneWay)) {
        return true;
      }
    }
    return isOneWay(path, oneWay);
  }

  @org.junit.jupiter.api.Test
  void comparisonReportsALostOrChangedFieldButNotAnAddedOrOneWayOne() throws Exception {
    JsonNode original =
        JSON.readTree(
            "{\"a\": 1, \"b\": {\"c\": \"x\"}, \"l\": [{\"n\": 1, \"secret\": 2}], \"gone\": true}");
    JsonNode back =
        JSON.readTree("{\"a\": 1, \"b\": {\"c\": \"y\"}, \"l\": [{\"n\": 1}], \"extra\": 3}");

    assertThat(lost(original, back, Map.of("/l/*/secret", "internal")))
        .containsExactly("/b/c: \"x\" came back as \"y\"", "/gone: true came back as nothing");
  }

  /**
   * A national payload as a JSON tree: JSON as it is, CSV as the engine parses it for the mapping
   * ({@code {"rows": [...]}}) without the row numbers, which are the file's layout, not data.
   */
  static JsonNode nationalTree(NationalSystem system, String payload) throws Exception {
    if (system.csv().isEmpty()) {
      return JSON.readTree(payload);
    }
    MappingCall call = new MappingCall(system.id(), Map.of());
    com.fasterxml.jackson.databind.node.ObjectNode rows = system.csv().get().parse(payload, call);
    assertThat(call.errors()).as("the CSV parses").isEmpty();
    rows.get(CsvFormat.ROWS_MEMBER)
        .forEach(
            row ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) row)
                    .remove(CsvFormat.ROW_MEMBER));
    return rows;
  }

  static List<String> lost(JsonNode original, JsonNode back, Map<String, String> oneWay) {
    List<String> lost = new ArrayList<>();
    compare(original, back, "", oneWay, lost);
    return lost;
  }

  /** The delivery message the gateway would send for this submission, nothing withheld. */
  static ObjectNode deliveryTo(ObjectNode submission, String destination) {
    ObjectNode delivery = JSON.createObjectNode();
    for (String member : List.of("messageId", "contractVersion", "sourceCountry", "sourceAgency")) {
      delivery.set(member, submission.get(member));
    }
    delivery.put("deliveryId", "d0e1f2a3-0000-4000-8000-000000000001");
    delivery.put("idempotencyKey", "d0e1f2a3-0000-4000-8000-000000000001/1");
    delivery.put("kind", "ASSESSMENT");
    delivery.put("destinationCountry", destination.substring(0, 2).toUpperCase());
    delivery.put("destinationAgency", destination);
    for (String member :
        List.of("purposeOfUse", "legalBasis", "consentRef", "handlingConditions", "sentAt")) {
      if (submission.has(member)) {
        delivery.set(member, submission.get(member));
      }
    }
    delivery.putArray("withheldClasses");
    delivery.set("record", submission.get("record"));
    return delivery;
  }

  private static void compare(
      JsonNode original,
      JsonNode back,
      String pointer,
      Map<String, String> oneWay,
      List<String> lost) {
    if (isOneWay(pointer, oneWay)) {
      return;
    }
    if (original.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = original.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = pointer + "/" + JsonataValues.escape(field.getKey());
        compare(field.getValue(), back.path(field.getKey()), child, oneWay, lost);
      }
    } else if (original.isArray()) {
      if (!back.isArray() || back.size() != original.size()) {
        lost.add(pointer + ": " + original + " came back as " + back);
        return;
      }
      for (int i = 0; i < original.size(); i++) {
        compare(original.get(i), back.get(i), pointer + "/" + i, oneWay, lost);
      }
    } else if (!original.equals(back)) {
      lost.add(
          pointer + ": " + original + " came back as " + (back.isMissingNode() ? "nothing" : back));
    }
  }

  /** Whether a pointer is declared one-way; {@code *} in a declaration matches any array index. */
  static boolean isOneWay(String pointer, Map<String, String> oneWay) {
    for (String declared : oneWay.keySet()) {
      String pattern = java.util.regex.Pattern.quote(declared).replace("*", "\\E[0-9]+\\Q");
      if (pointer.matches(pattern)) {
        return true;
      }
    }
    return false;
  }
}

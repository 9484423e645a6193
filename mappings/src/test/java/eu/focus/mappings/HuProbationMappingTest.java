package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of the FHIR system that its golden cases do not show on their own: the inbound mapping
 * finds resources by type and category rather than by position, and the outbound Bundle's
 * identities and labels follow from the delivery.
 */
class HuProbationMappingTest {

  private static final String SYSTEM = "hu-probation";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MappingRegistry REGISTRY = MappingRegistry.load();
  private static final Mapping MAPPING = new Mapping(REGISTRY, ContractValidator.load());

  @Test
  void inboundFindsResourcesByTypeWhereverTheyStandInTheBundle() throws Exception {
    ObjectNode bundle =
        (ObjectNode) JSON.readTree(golden("inbound/full-suspect-environmental-study/input.json"));
    ObjectNode expected = MAPPING.inbound(SYSTEM, bundle.toString()).value();

    // ServiceRequest first, ClinicalImpression near the end; resources of one type keep their
    // order, since that order
    // is the order of the contract's lists (guardians, findings, measures).
    List<JsonNode> entries = new ArrayList<>();
    bundle.withArray("entry").forEach(entries::add);
    entries.sort(
        Comparator.comparing((JsonNode e) -> e.path("resource").path("resourceType").asText())
            .reversed());
    ArrayNode reordered = bundle.putArray("entry");
    entries.forEach(reordered::add);
    assertThat(reordered.path(0).path("resource").path("resourceType").asText())
        .isEqualTo("ServiceRequest");
    MappingResult<ObjectNode> result = MAPPING.inbound(SYSTEM, bundle.toString());

    assertThat(result.errors()).isEmpty();
    assertThat(result.value()).isEqualTo(expected);
  }

  @Test
  void outboundMintsFullUrlsFromTheDeliveryIdSoThatARetryGivesTheSameBundle() throws Exception {
    String delivery = golden("outbound/full-ukrainian-suspect-from-ro-police/input.json");

    JsonNode first = JSON.readTree(MAPPING.outbound(SYSTEM, delivery).value());
    JsonNode second = JSON.readTree(MAPPING.outbound(SYSTEM, delivery).value());

    assertThat(first).isEqualTo(second);
    String deliveryPrefix = JSON.readTree(delivery).path("deliveryId").asText().substring(0, 24);
    assertThat(first.path("entry"))
        .allSatisfy(
            e -> assertThat(e.path("fullUrl").asText()).startsWith("urn:uuid:" + deliveryPrefix));
  }

  @Test
  void outboundLabelsEachFindingWithTheConfidentialityOfItsSensitivityClass() throws Exception {
    ObjectNode delivery =
        (ObjectNode)
            JSON.readTree(golden("outbound/full-ukrainian-suspect-from-ro-police/input.json"));
    JsonNode findings = delivery.path("record").path("assessment").path("findings");

    JsonNode bundle = JSON.readTree(MAPPING.outbound(SYSTEM, delivery).value());

    List<String> labels = new ArrayList<>();
    for (JsonNode entry : bundle.path("entry")) {
      JsonNode resource = entry.path("resource");
      if (resource
          .path("category")
          .path(0)
          .path("coding")
          .path(0)
          .path("code")
          .asText()
          .equals("megallapitas")) {
        labels.add(resource.path("meta").path("security").path(0).path("code").asText());
      }
    }
    List<String> expected = new ArrayList<>();
    for (JsonNode finding : findings) {
      // docs/domain.md: S5-S7 are very restricted (V), S3 and S4 restricted (R), S2 moderate (M)
      expected.add(
          switch (finding.path("sensitivity").asText()) {
            case "S2" -> "M";
            case "S3", "S4" -> "R";
            default -> "V";
          });
    }
    assertThat(labels).isNotEmpty().isEqualTo(expected);
  }

  @Test
  void revocationWithoutAConsentSendsOnlyTheNotice() throws Exception {
    JsonNode bundle =
        JSON.readTree(
            MAPPING.outbound(SYSTEM, golden("outbound/revocation-superseded/input.json")).value());

    assertThat(bundle.path("entry")).hasSize(1);
    assertThat(bundle.path("entry").path(0).path("resource").path("resourceType").asText())
        .isEqualTo("Communication");
  }

  private static String golden(String path) throws Exception {
    Path dir = REGISTRY.system(SYSTEM).orElseThrow().directory().orElseThrow();
    return Files.readString(dir.resolve("golden").resolve(path));
  }
}

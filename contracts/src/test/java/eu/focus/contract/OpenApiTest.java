package eu.focus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiTest {

  /** The gateway serves the schemas under schemas/ next to openapi.json. */
  private static final String SCHEMAS_PREFIX = "schemas/";

  private static final JsonNode OPENAPI = ContractFiles.read("openapi.json");

  @Test
  void isAnOpenApi31Document() {
    assertThat(OPENAPI.path("openapi").asText()).startsWith("3.1.");
    assertThat(OPENAPI.at("/info/title").asText()).isNotBlank();
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(OPENAPI, refs);
    assertThat(refs).isNotEmpty();
    List<String> broken = new ArrayList<>();
    for (String ref : refs) {
      int hash = ref.indexOf('#');
      String file = hash < 0 ? ref : ref.substring(0, hash);
      String fragment = hash < 0 ? "" : ref.substring(hash + 1);
      JsonNode target;
      if (file.isEmpty()) {
        target = OPENAPI;
      } else if (file.startsWith(SCHEMAS_PREFIX)
          && Files.isRegularFile(
              ContractFiles.V1_SOURCE.resolve(file.substring(SCHEMAS_PREFIX.length())))) {
        target = ContractFiles.read(file.substring(SCHEMAS_PREFIX.length()));
      } else {
        broken.add(ref + " (no such schema file)");
        continue;
      }
      if (target.at(JsonPointer.compile(fragment)).isMissingNode()) {
        broken.add(ref + " (no such fragment)");
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void documentsEveryOperationOfTheApi() {
    Map<String, String> operations =
        Map.ofEntries(
            Map.entry("/exchanges", "post"),
            Map.entry("/exchanges/{exchangeId}", "get"),
            Map.entry("/records/{recordId}", "get"),
            Map.entry("/records/{recordId}/versions", "post"),
            Map.entry("/consents", "post"),
            Map.entry("/consents/{consentId}", "get"),
            Map.entry("/consents/{consentId}/withdrawal", "post"),
            Map.entry("/audit/entries", "get"),
            Map.entry("/audit/log", "get"),
            Map.entry("/audit/log/verification", "post"),
            Map.entry("/audit/log/export", "get"),
            Map.entry("/audit/checkpoints", "post"),
            Map.entry("/audit/checkpoints/latest", "get"),
            Map.entry("/audit/proofs/inclusion", "get"),
            Map.entry("/audit/proofs/consistency", "get"),
            Map.entry("/operations/dead-letters", "get"),
            Map.entry("/operations/deliveries/{deliveryId}/replay", "post"),
            Map.entry("/operations/erasures", "post"),
            Map.entry("/operations/erasures/{erasureId}", "get"),
            Map.entry("/agencies", "get"));
    operations.forEach(
        (path, method) ->
            assertThat(OPENAPI.path("paths").path(path).has(method))
                .as(method + " " + path)
                .isTrue());
    assertThat(OPENAPI.at("/servers/0/url").asText()).isEqualTo("/api/v1");
  }

  @Test
  void submissionsUseTheContractSchemaAndAnswerWithDecisions() {
    for (String path : List.of("/exchanges", "/records/{recordId}/versions")) {
      JsonNode post = OPENAPI.path("paths").path(path).path("post");
      assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText())
          .isEqualTo("schemas/submission.schema.json");
      assertThat(post.at("/responses/202/content/application~1json/schema/$ref").asText())
          .isEqualTo("#/components/schemas/ExchangeAccepted");
      assertThat(post.path("responses").has("409")).as(path).isTrue();
      assertThat(post.path("responses").has("422")).as(path).isTrue();
    }
  }

  @Test
  void everyErrorIsAProblemDocument() {
    List<String> offenders = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : entries(OPENAPI.path("paths"))) {
      for (Map.Entry<String, JsonNode> operation : entries(path.getValue())) {
        for (Map.Entry<String, JsonNode> response :
            entries(operation.getValue().path("responses"))) {
          if (!response.getKey().startsWith("4")) {
            continue;
          }
          JsonNode body = response.getValue();
          if (body.has("$ref")) {
            body = OPENAPI.at(JsonPointer.compile(body.path("$ref").asText().substring(1)));
          }
          String schema = body.at("/content/application~1problem+json/schema/$ref").asText();
          if (!"#/components/schemas/Problem".equals(schema)) {
            offenders.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
    assertThat(entries(OPENAPI.at("/components/schemas/Problem/properties")))
        .extracting(Map.Entry::getKey)
        .contains("type", "title", "status", "detail", "instance", "rule", "errors");
  }

  @Test
  void requiresABearerJwtEverywhere() {
    assertThat(OPENAPI.at("/components/securitySchemes/bearerAuth/scheme").asText())
        .isEqualTo("bearer");
    assertThat(OPENAPI.at("/components/securitySchemes/bearerAuth/bearerFormat").asText())
        .isEqualTo("JWT");
    assertThat(OPENAPI.at("/security/0").has("bearerAuth")).isTrue();
  }

  private static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    object.fields().forEachRemaining(entries::add);
    return entries;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        refs.add(ref.asText());
      }
      node.elements().forEachRemaining(child -> collectRefs(child, refs));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }
  }
}

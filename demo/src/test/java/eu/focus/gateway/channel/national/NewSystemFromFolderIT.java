package eu.focus.gateway.channel.national;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.support.Examples;
import eu.focus.gateway.support.GatewayIT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A national system the gateway was not built with: its mapping folder and its system file are
 * created while the test runs (a copy of the Romanian police format under a new id, for a new
 * agency). No Java is added, and records go both ways.
 */
@TestPropertySource(
    properties = {
      "focus.agencies[0].id=ro-local-police",
      "focus.agencies[0].country=RO",
      "focus.agencies[0].type=POLICE",
      "focus.agencies[0].name=Poliția Locală (test)",
      "focus.agencies[1].id=ro-child-protection",
      "focus.agencies[1].country=RO",
      "focus.agencies[1].type=CHILD_PROTECTION",
      "focus.agencies[1].name=DGASPC (test)",
      "focus.agencies[1].connector.type=rest-json-connector",
      "focus.agencies[1].connector.parameters.endpointUrl=http://127.0.0.1:${focus.demo.simulators.port}/ro-child-protection/inbox"
    })
class NewSystemFromFolderIT extends GatewayIT {

  private static final Path SYSTEMS = newSystemFolder();

  @DynamicPropertySource
  static void systems(DynamicPropertyRegistry r) {
    r.add("focus.mappings.directory", () -> SYSTEMS.resolve("mappings").toString());
    r.add("focus.systems.locations", () -> SYSTEMS.resolve("systems").toUri() + "*.yaml");
  }

  /**
   * Copies the ro-police mapping folder as ro-local-police, serving agency ro-local-police, and
   * writes its system file.
   */
  private static Path newSystemFolder() {
    try {
      Path root = Files.createTempDirectory("focus-systems");
      Path target = root.resolve("mappings/ro-local-police");
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      String base = "focus/mappings/ro-police/";
      for (Resource r : resolver.getResources("classpath*:" + base + "**/*.*")) {
        String url = r.getURL().toString();
        String relative = url.substring(url.indexOf(base) + base.length());
        if (relative.startsWith("golden/")) {
          continue;
        }
        Path file = target.resolve(relative);
        Files.createDirectories(file.getParent());
        try (InputStream in = r.getInputStream()) {
          Files.write(file, in.readAllBytes());
        }
      }
      Path descriptor = target.resolve("system.yaml");
      String yaml =
          Files.readString(descriptor, StandardCharsets.UTF_8)
              .replaceFirst("(?m)^id: .*$", "id: ro-local-police")
              .replaceFirst("(?m)^agencyId: .*$", "agencyId: ro-local-police");
      Files.writeString(descriptor, yaml, StandardCharsets.UTF_8);
      Path systemFile = root.resolve("systems/ro-local-police.yaml");
      Files.createDirectories(systemFile.getParent());
      Files.writeString(
          systemFile,
          """
          id: ro-local-police
          agency: ro-local-police
          mapping: ro-local-police
          outbound:
            type: rest-json-connector
            endpointUrl: http://127.0.0.1:${focus.demo.simulators.port}/ro-local-police/inbox
          resilience:
            timeoutMillis: 3000
          """,
          StandardCharsets.UTF_8);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nationalMessage() {
    return Examples.nationalMessage("ro-police", "full-victim-sexual-abuse")
        .replace("\"ro-police\"", "\"ro-local-police\"");
  }

  @Test
  void acceptsTheNewSystemsMessagesAndDeliversToItInItsOwnFormat() throws Exception {
    Response in =
        post(
            "/api/v1/national/ro-local-police/assessments",
            agencyToken("ro-local-police"),
            nationalMessage());

    assertThat(in.status()).as(in.text()).isEqualTo(202);
    assertThat(in.json().at("/decisions/0/decision").asText()).as(in.text()).isEqualTo("PERMIT");

    ObjectNode toPolice = freshSubmission("01");
    toPolice.put("sourceAgency", "ro-child-protection");
    ((ObjectNode) toPolice.at("/record/provenance")).put("authoringAgency", "ro-child-protection");
    toPolice.putArray("recipients").add("ro-local-police");
    toPolice.put("purposeOfUse", "INVESTIGATION");
    String recordId = toPolice.at("/record/recordId").asText();
    Response out = post("/api/v1/exchanges", agencyToken("ro-child-protection"), toPolice);
    assertThat(out.json().at("/decisions/0/decision").asText()).as(out.text()).isEqualTo("PERMIT");

    String body = receivedBody("ro-local-police", recordId);
    // Romanian national field names, not contract v1
    assertThat(body).contains("\"minor\"").doesNotContain("\"destinationAgency\"");
  }
}

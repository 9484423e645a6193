package eu.focus.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.focus.contract.ContractValidator;
import eu.focus.gateway.config.FocusProperties;
import eu.focus.mappings.Mapping;
import eu.focus.mappings.MappingRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class SystemRegistryTest {

  private static final Mapping MAPPING =
      new Mapping(MappingRegistry.load(), ContractValidator.load());

  @TempDir Path dir;

  private final MockEnvironment env =
      new MockEnvironment().withProperty("RO_POLICE_TOKEN", "s3cret").withProperty("port", "9");

  private SystemRegistry registry() {
    FocusProperties props =
        new FocusProperties(
            Set.of("api"),
            List.of(
                new FocusProperties.AgencyConfig("ro-police", "RO", "POLICE", "RO police", null)),
            null,
            null,
            null,
            null,
            null,
            new FocusProperties.Systems(List.of(dir.toUri() + "*.yaml")),
            null,
            null);
    return new SystemRegistry(props, env, MAPPING);
  }

  private void write(String name, String yaml) throws IOException {
    Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
  }

  @Test
  void readsOneFilePerSystemWithItsResilienceAndPlaceholdersResolved() throws IOException {
    write(
        "ro-police.yaml",
        """
        id: ro-police
        agency: ro-police
        outbound:
          type: rest-json-connector
          endpointUrl: http://127.0.0.1:${port}/in
          bearerToken: ${RO_POLICE_TOKEN}
        resilience:
          timeoutMillis: 1500
        """);

    SystemFile system = registry().find("ro-police").orElseThrow();

    assertThat(system.mapping()).isEqualTo("ro-police");
    assertThat(system.inbound()).isNull();
    assertThat(system.outbound().type()).isEqualTo("rest-json-connector");
    assertThat(system.outbound().parameters())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("endpointUrl", "http://127.0.0.1:9/in", "bearerToken", "s3cret"));
    assertThat(system.resilience()).containsExactlyEntriesOf(Map.of("timeoutMillis", "1500"));
  }

  @Test
  void refusesACredentialWrittenIntoTheFile() throws IOException {
    write(
        "ro-police.yaml",
        """
        id: ro-police
        agency: ro-police
        outbound: { type: rest-json-connector, endpointUrl: "http://x", password: hunter2 }
        """);

    assertThatThrownBy(this::registry)
        .hasMessageContaining("ro-police.yaml")
        .hasMessageContaining("outbound.password is a credential");
  }

  @Test
  void refusesAnUnresolvedReference() throws IOException {
    write(
        "ro-police.yaml",
        """
        id: ro-police
        agency: ro-police
        outbound: { type: rest-json-connector, endpointUrl: "http://x", password: "${NOPE}" }
        """);

    assertThatThrownBy(this::registry)
        .hasMessageContaining("outbound.password")
        .hasMessageContaining("NOPE");
  }

  @Test
  void refusesAnUnknownFieldAnAgencyNotConfiguredAndAMappingOfAnotherAgency() throws IOException {
    write("ro-police.yaml", "id: ro-police\nagency: ro-police\nendpoint: http://x\n");
    assertThatThrownBy(this::registry).hasMessageContaining("unknown field 'endpoint'");

    write("ro-police.yaml", "id: ro-police\nagency: ro-court\n");
    assertThatThrownBy(this::registry).hasMessageContaining("agency ro-court is not configured");

    write("ro-police.yaml", "id: ro-police\nagency: ro-police\nmapping: gr-houses-of-child\n");
    assertThatThrownBy(this::registry)
        .hasMessageContaining("mapping gr-houses-of-child sends for agency gr-houses-of-child");

    write("ro-police.yaml", "id: ro-police\nagency: ro-police\nmapping: nowhere\n");
    assertThatThrownBy(this::registry).hasMessageContaining("mapping nowhere not found");
  }

  @Test
  void refusesAFileNotNamedAfterItsId() throws IOException {
    write("police.yaml", "id: ro-police\nagency: ro-police\n");

    assertThatThrownBy(this::registry).hasMessageContaining("<id>.yaml");
  }
}

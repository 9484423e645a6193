package eu.focus.adapters.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConnectorTest {

  private static final String ASSESSMENT =
      "{\"kind\":\"ASSESSMENT\",\"summary\":\"Consiliere școlară recomandată; copilul a fost audiat"
          + " în prezența unui psiholog.\"}";

  @TempDir Path root;
  private Path outbox;
  private DefaultCamelContext camel;
  private ConnectorRegistry registry;

  @BeforeEach
  void start() throws Exception {
    outbox = root.resolve("exchange").resolve("out");
    camel = new DefaultCamelContext();
    camel.addRoutes(new FileConnectorTemplate());
    camel.start();
    registry = new ConnectorRegistry(camel);
    registry.register(
        new ConnectorSpec(
            "ro-probation",
            FileConnectorTemplate.TEMPLATE_ID,
            Map.of(
                "directoryUri", "file:" + outbox,
                "filePrefix", "focus-",
                "minimumNumberOfCalls", "2",
                "waitInOpenStateSeconds", "1")));
  }

  @AfterEach
  void stop() {
    camel.stop();
  }

  private String[] files() throws Exception {
    try (Stream<Path> list = Files.list(outbox)) {
      return list.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void writesOneFileNamedAfterTheKey() throws Exception {
    registry.send("ro-probation", ASSESSMENT, "3f6d2c1e-key", "ASSESSMENT");

    // no temporary file left behind: only the complete file is there
    assertThat(files()).containsExactly("focus-3f6d2c1e-key.json");
    assertThat(Files.readString(outbox.resolve("focus-3f6d2c1e-key.json"), StandardCharsets.UTF_8))
        .isEqualTo(ASSESSMENT);
  }

  @Test
  void theSameKeyAgainLeavesTheFileAsItIs() throws Exception {
    registry.send("ro-probation", ASSESSMENT, "k-1", "ASSESSMENT");
    registry.send("ro-probation", "{\"changed\":true}", "k-1", "ASSESSMENT");

    assertThat(files()).containsExactly("focus-k-1.json");
    assertThat(Files.readString(outbox.resolve("focus-k-1.json"))).isEqualTo(ASSESSMENT);
  }

  @Test
  void refusesAKeyThatIsNotAPlainName() {
    assertThatThrownBy(() -> registry.send("ro-probation", "{}", "../escape", "ASSESSMENT"))
        .isInstanceOf(ConnectorException.class);
    assertThat(root.resolve("exchange").resolve("escape.json")).doesNotExist();
  }

  @Test
  void opensCircuitWhileTheDirectoryCannotBeWrittenAndDeliversAfterwards() throws Exception {
    // a plain file where the directory should be: unwritable even for root
    Files.createDirectories(outbox.getParent());
    Files.writeString(outbox, "not a directory");
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> registry.send("ro-probation", ASSESSMENT, "k-2", "ASSESSMENT"))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.circuitOpen()).isFalse());
    }
    assertThatThrownBy(() -> registry.send("ro-probation", ASSESSMENT, "k-2", "ASSESSMENT"))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.circuitOpen()).isTrue());

    Files.delete(outbox);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .untilAsserted(() -> registry.send("ro-probation", ASSESSMENT, "k-2", "ASSESSMENT"));
    assertThat(files()).containsExactly("focus-k-2.json");
  }
}

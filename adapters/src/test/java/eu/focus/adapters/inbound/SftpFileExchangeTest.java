package eu.focus.adapters.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.focus.adapters.connector.ConnectorException;
import eu.focus.adapters.connector.ConnectorRegistry;
import eu.focus.adapters.connector.ConnectorSpec;
import eu.focus.adapters.connector.FileConnectorTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both file types against a real SFTP server (Apache MINA SSHD) with a temporary root. */
class SftpFileExchangeTest {

  @TempDir Path root;
  @TempDir Path keys;
  private SshServer sftp;
  private DefaultCamelContext camel;
  private RecordingInbox gateway;
  private ConnectorRegistry registry;
  private Path knownHosts;

  @BeforeEach
  void start() throws Exception {
    sftp = SshServer.setUpDefaultServer();
    sftp.setHost("127.0.0.1");
    sftp.setPort(0);
    SimpleGeneratorHostKeyProvider hostKeys =
        new SimpleGeneratorHostKeyProvider(keys.resolve("host.ser"));
    sftp.setKeyPairProvider(hostKeys);
    sftp.setPasswordAuthenticator(
        (user, password, session) ->
            "ro-probation".equals(user) && "s3cret-from-env".equals(password));
    sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    sftp.setFileSystemFactory(new VirtualFileSystemFactory(root));
    sftp.start();
    // the gateway checks the server's host key (strictHostKeyChecking=yes, the default)
    PublicKey hostKey = hostKeys.loadKeys(null).iterator().next().getPublic();
    knownHosts = keys.resolve("known_hosts");
    Files.writeString(
        knownHosts,
        "[127.0.0.1]:" + sftp.getPort() + " " + PublicKeyEntry.toString(hostKey) + "\n");

    gateway = new RecordingInbox();
    gateway.refuseWhen = p -> p.contains("Hibás");
    camel = new DefaultCamelContext();
    camel.getRegistry().bind("nationalInbox", gateway);
    camel.addRoutes(new FileConnectorTemplate());
    camel.addRoutes(new FileDropTemplate());
    camel.start();
    registry = new ConnectorRegistry(camel);
  }

  @AfterEach
  void stop() throws Exception {
    camel.stop();
    sftp.stop(true);
  }

  private Map<String, String> sftpParameters(String directory) {
    return Map.of(
        "directoryUri",
        "sftp://127.0.0.1:" + sftp.getPort() + "/" + directory,
        "username",
        "ro-probation",
        "password",
        "s3cret-from-env",
        "knownHostsFile",
        knownHosts.toString());
  }

  @Test
  void fileConnectorWritesOneFilePerKeyOverSftp() throws Exception {
    Map<String, String> params = new java.util.HashMap<>(sftpParameters("outgoing"));
    params.put("filePrefix", "focus-");
    registry.register(new ConnectorSpec("ro-probation", FileConnectorTemplate.TEMPLATE_ID, params));
    String body = "{\"kind\":\"ASSESSMENT\",\"summary\":\"Sprijin educațional recomandat.\"}";

    registry.send("ro-probation", body, "a1b2c3", "ASSESSMENT");
    registry.send("ro-probation", "{\"changed\":true}", "a1b2c3", "ASSESSMENT");

    Path out = root.resolve("outgoing");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("focus-a1b2c3.json");
    }
    assertThat(Files.readString(out.resolve("focus-a1b2c3.json"), StandardCharsets.UTF_8))
        .isEqualTo(body);
  }

  @Test
  void refusesAServerWhoseHostKeyIsNotKnown() throws Exception {
    Files.writeString(knownHosts, "");
    Map<String, String> params = new java.util.HashMap<>(sftpParameters("outgoing"));
    params.put("minimumNumberOfCalls", "2");
    registry.register(new ConnectorSpec("ro-probation", FileConnectorTemplate.TEMPLATE_ID, params));

    assertThatThrownBy(() -> registry.send("ro-probation", "{}", "k-9", "ASSESSMENT"))
        .isInstanceOf(ConnectorException.class)
        .hasStackTraceContaining("HostKey");
    assertThat(root.resolve("outgoing/k-9.json")).doesNotExist();
  }

  @Test
  void fileDropReadsOverSftpAndMovesToDoneOrError() throws Exception {
    Path export = Files.createDirectories(root.resolve("export"));
    Map<String, String> params = new java.util.HashMap<>(sftpParameters("export"));
    params.put("pollDelayMillis", "100");
    params.put("readLockCheckIntervalMillis", "200");
    registry.registerInbound(new ConnectorSpec("hu-pfsz", FileDropTemplate.TEMPLATE_ID, params));

    Files.writeString(export.resolve("export-0900.csv.tmp"), "ugyszam;szul");
    Files.writeString(export.resolve("export-0901.csv"), FileDropTest.CSV);
    Files.writeString(export.resolve("export-0902.csv"), FileDropTest.REFUSED_CSV);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Files.exists(export.resolve("done/export-0901.csv"))
                    && Files.exists(export.resolve("error/export-0902.csv"))
                    && Files.exists(export.resolve("error/export-0902.csv.errors.txt")));
    assertThat(Files.readString(export.resolve("error/export-0902.csv.errors.txt")))
        .contains("code: VALIDATION-FAILED")
        .contains("field=szuletesi_datum value=2012-13-40")
        .contains("field=szerep value=X");
    try (Stream<Path> files = Files.list(export.resolve("error"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary report is left")
          .containsExactlyInAnyOrder("export-0902.csv", "export-0902.csv.errors.txt");
    }
    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> true);
    assertThat(gateway.messageIds())
        .containsExactlyInAnyOrder(
            "export-0901.csv/" + FileDropTest.sha256(FileDropTest.CSV),
            "export-0902.csv/" + FileDropTest.sha256(FileDropTest.REFUSED_CSV));
    assertThat(export.resolve("export-0900.csv.tmp")).exists();
    assertThat(gateway.handed)
        .filteredOn(h -> h.messageId().startsWith("export-0901"))
        .singleElement()
        .extracting(RecordingInbox.Handed::payload)
        .isEqualTo(FileDropTest.CSV);
  }
}

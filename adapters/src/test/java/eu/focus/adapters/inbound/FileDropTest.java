package eu.focus.adapters.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.focus.adapters.connector.ConnectorRegistry;
import eu.focus.adapters.connector.ConnectorSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropTest {

  static final String CSV =
      "ugyszam;szuletesi_datum;szerep;osszegzes\n"
          + "PF-2026-0815;2011-05-02;GYANUSITOTT;Iskolai mentorálás és családi konzultáció javasolt.\n";
  static final String REFUSED_CSV =
      "ugyszam;szuletesi_datum;szerep;osszegzes\nPF-2026-0816;2012-13-40;X;Hibás sor.\n";

  @TempDir Path inbox;
  private DefaultCamelContext camel;
  private RecordingInbox gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new RecordingInbox();
    gateway.refuseWhen = p -> p.contains("Hibás");
    camel = new DefaultCamelContext();
    camel.getRegistry().bind("nationalInbox", gateway);
    camel.getManagementStrategy().addEventNotifier(new ErrorReportWatch());
    camel.addRoutes(new FileDropTemplate());
    camel.start();
    new ConnectorRegistry(camel)
        .registerInbound(
            new ConnectorSpec(
                "hu-pfsz",
                FileDropTemplate.TEMPLATE_ID,
                Map.of(
                    "directoryUri", "file:" + inbox,
                    "pollDelayMillis", "100",
                    "readLockCheckIntervalMillis", "200")));
  }

  @AfterEach
  void stop() {
    camel.stop();
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes like a well-behaved national system: a temporary name, then a rename. */
  private void drop(String name, String content) throws Exception {
    Path tmp = inbox.resolve(name + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, inbox.resolve(name));
  }

  @Test
  void acceptedFileIsHandedOverOnceAndMovedToDone() throws Exception {
    drop("export-0815.csv", CSV);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(inbox.resolve("done/export-0815.csv")));
    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> true);

    assertThat(gateway.handed)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.systemId()).isEqualTo("hu-pfsz");
              assertThat(h.messageId()).isEqualTo("export-0815.csv/" + sha256(CSV));
              assertThat(h.payload()).isEqualTo(CSV);
            });
    assertThat(inbox.resolve("export-0815.csv")).doesNotExist();
    assertThat(inbox.resolve("error")).doesNotExist();
  }

  /**
   * Records, each time the route starts writing an error report, whether the refused file was
   * already in {@code error/}.
   */
  private final class ErrorReportWatch extends EventNotifierSupport {
    @Override
    public void notify(CamelEvent event) {
      if (event instanceof ExchangeSendingEvent sending) {
        String name = sending.getExchange().getIn().getHeader(Exchange.FILE_NAME, String.class);
        if (name != null && name.endsWith(".errors.txt")) {
          String refused = name.substring(0, name.length() - ".errors.txt".length());
          refusedFileInErrorWhenReportWritten.add(Files.exists(inbox.resolve(refused)));
        }
      }
    }
  }

  private final List<Boolean> refusedFileInErrorWhenReportWritten = new CopyOnWriteArrayList<>();

  @Test
  void refusedFileGoesToErrorWithEveryErrorListed() throws Exception {
    drop("export-0816.csv", REFUSED_CSV);

    Path report = inbox.resolve("error/export-0816.csv.errors.txt");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(inbox.resolve("error/export-0816.csv")) && Files.exists(report));
    assertThat(Files.readString(report))
        .contains("code: VALIDATION-FAILED")
        .contains("system=hu-pfsz field=szuletesi_datum value=2012-13-40 message=not a valid date")
        .contains("system=hu-pfsz field=szerep value=X message=unknown role code");
    assertThat(Files.readString(inbox.resolve("error/export-0816.csv"))).isEqualTo(REFUSED_CSV);
    assertThat(inbox.resolve("done/export-0816.csv")).doesNotExist();
    await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> true);
    assertThat(gateway.handed).hasSize(1);
  }

  /** Whoever sees the error report finds the refused file beside it: the file is moved first. */
  @Test
  void refusedFileIsInErrorBeforeItsReportIsWritten() throws Exception {
    drop("export-0821.csv", REFUSED_CSV);

    Path report = inbox.resolve("error/export-0821.csv.errors.txt");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report));

    assertThat(refusedFileInErrorWhenReportWritten).containsExactly(true);
    assertThat(inbox.resolve("error/export-0821.csv")).exists();
    try (Stream<Path> files = Files.list(inbox.resolve("error"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary report is left")
          .containsExactlyInAnyOrder("export-0821.csv", "export-0821.csv.errors.txt");
    }
  }

  @Test
  void halfWrittenTemporaryFileIsNotRead() throws Exception {
    Files.writeString(inbox.resolve("export-0817.csv.tmp"), "ugyszam;szul");
    drop("export-0818.xml", "<atadas><ugyszam>PF-2026-0818</ugyszam></atadas>");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(inbox.resolve("done/export-0818.xml")));
    await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> true);

    assertThat(inbox.resolve("export-0817.csv.tmp")).exists();
    assertThat(gateway.messageIds()).singleElement().asString().startsWith("export-0818.xml/");
  }

  @Test
  void aFileTheGatewayCouldNotTakeStaysAndIsReadAgain() throws Exception {
    gateway.down = true;
    drop("export-0819.csv", CSV);

    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.handed.size() >= 2);
    assertThat(inbox.resolve("export-0819.csv")).exists();
    assertThat(inbox.resolve("done")).doesNotExist();
    assertThat(inbox.resolve("error")).doesNotExist();

    gateway.down = false;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(inbox.resolve("done/export-0819.csv")));
    assertThat(gateway.accepted()).containsExactly("export-0819.csv/" + sha256(CSV));
  }

  @Test
  void aNewExportUnderAnOldNameIsANewMessage() throws Exception {
    drop("napi.csv", CSV);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(inbox.resolve("done/napi.csv")));
    String second = CSV.replace("0815", "0820");
    drop("napi.csv", second);

    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.handed.size() == 2);
    assertThat(gateway.messageIds())
        .containsExactly("napi.csv/" + sha256(CSV), "napi.csv/" + sha256(second));
  }
}

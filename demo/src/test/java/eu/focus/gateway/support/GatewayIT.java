package eu.focus.gateway.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import eu.focus.demo.DemoSimulators;
import eu.focus.demo.DemoTokens;
import eu.focus.demo.simulator.FhirServerSimulator;
import eu.focus.demo.simulator.SoapSystemSimulator;
import eu.focus.gateway.security.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on the demo profile (demo
 * agencies and token issuer) but with the recipients played by a WireMock server the test controls,
 * on H2 or PostgreSQL (see {@link TestDatabase}). Delivery timings are shortened so retries happen
 * within a test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "focus.demo.simulators.enabled=false",
      "focus.delivery.poll-interval=100ms",
      "focus.delivery.initial-backoff=150ms",
      "focus.delivery.backoff-multiplier=1.5",
      "focus.delivery.max-attempts=4",
      "focus.delivery.lease=5s",
      "focus.delivery.circuit-open-wait=300ms",
      "FOCUS_DEMO_POLL_MILLIS=300",
      "focus.api.max-body-size=64KB",
      "spring.main.banner-mode=off"
    })
@ActiveProfiles("demo")
// One application context for every IT of this kind: the demo's inbound connectors (polls, file
// drop) must not run twice against the shared simulators, each into another database.
@AutoConfigureObservability
public abstract class GatewayIT {

  /** Plays every recipient agency at /<agency-id>/inbox; shared by all test classes. */
  protected static final WireMockServer RECIPIENTS = startRecipients();

  /** Plays the Dutch Raad's SOAP service (the demo's nl-raad system file), from its own WSDL. */
  protected static final SoapSystemSimulator SOAP = startSoap();

  /** Plays the Dutch police receiving contract v1 over SOAP (focus-recipient-v1.wsdl). */
  protected static final SoapSystemSimulator CONTRACT_SOAP = startContractSoap();

  /** Plays the Hungarian probation service's FHIR server (the demo's hu-probation system file). */
  protected static final FhirServerSimulator FHIR = startFhir();

  /** Plays hu-child-protection's FHIR server, which receives contract v1 as FHIR Bundles. */
  protected static final FhirServerSimulator CONTRACT_FHIR = startFhir();

  /** Root of the file exchanges (the demo's rs-csw-belgrade system file). */
  protected static final Path FILE_ROOT = fileRoot();

  protected static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort protected int port;
  @Autowired protected DemoTokens tokens;
  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry r) {
    r.add("focus.demo.simulators.port", RECIPIENTS::port);
    r.add("focus.demo.simulators.soap-port", () -> URI.create(SOAP.endpointUrl()).getPort());
    r.add("focus.demo.simulators.fhir-port", () -> URI.create(FHIR.baseUrl()).getPort());
    r.add(
        "focus.demo.simulators.contract-fhir-port",
        () -> URI.create(CONTRACT_FHIR.baseUrl()).getPort());
    r.add(
        "focus.demo.simulators.contract-soap-port",
        () -> URI.create(CONTRACT_SOAP.endpointUrl()).getPort());
    r.add("focus.demo.simulators.file-root", FILE_ROOT::toString);
    r.add("focus.audit.demo-key-file", () -> FILE_ROOT.resolve("audit-signing-key.pem").toString());
    r.add("spring.datasource.url", TestDatabase::freshUrl);
    r.add("spring.datasource.username", TestDatabase::user);
    r.add("spring.datasource.password", () -> "");
  }

  private static WireMockServer startRecipients() {
    WireMockServer s = new WireMockServer(options().dynamicPort());
    s.start();
    return s;
  }

  private static SoapSystemSimulator startSoap() {
    SoapSystemSimulator s = DemoSimulators.nlRaad(0);
    s.start();
    return s;
  }

  private static SoapSystemSimulator startContractSoap() {
    SoapSystemSimulator s = DemoSimulators.nlPolice(0);
    s.start();
    return s;
  }

  private static FhirServerSimulator startFhir() {
    FhirServerSimulator s = new FhirServerSimulator();
    s.start();
    return s;
  }

  private static Path fileRoot() {
    try {
      Path root = Files.createTempDirectory("focus-exchange");
      for (String dir : List.of("to-gateway", "from-gateway")) {
        Files.createDirectories(root.resolve("rs-csw-belgrade").resolve(dir));
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void resetRecipients() {
    RECIPIENTS.resetAll();
    acceptEverythingByDefault();
  }

  /** Every simulated inbox answers 202, below any stub a test adds with a higher priority. */
  protected static void acceptEverythingByDefault() {
    RECIPIENTS.stubFor(
        WireMock.post(WireMock.urlPathMatching("/[a-z0-9-]+/inbox"))
            .atPriority(10)
            .willReturn(WireMock.aResponse().withStatus(202)));
    RECIPIENTS.stubFor(
        WireMock.get(WireMock.urlPathMatching("/[a-z0-9-]+/outbox"))
            .atPriority(10)
            .willReturn(WireMock.okJson("[]")));
    RECIPIENTS.stubFor(
        WireMock.delete(WireMock.urlPathMatching("/[a-z0-9-]+/outbox/.+"))
            .atPriority(10)
            .willReturn(WireMock.aResponse().withStatus(204)));
  }

  // ---- tokens -------------------------------------------------------------------------------

  protected String agencyToken(String agency) {
    return tokens.issue(
        agency, "officer@" + agency, List.of(Caller.AGENCY), Duration.ofMinutes(10));
  }

  protected String roleToken(String role) {
    return tokens.issue(null, role.toLowerCase() + "-1", List.of(role), Duration.ofMinutes(10));
  }

  // ---- HTTP ---------------------------------------------------------------------------------

  /** A response with its status and JSON body (null when the body is empty or not JSON). */
  public record Response(int status, String contentType, String text, JsonNode json) {}

  protected Response get(String path, String token) {
    return get(path, token, Map.of());
  }

  protected Response get(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(b::header);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  protected Response post(String path, String token, Object body) {
    String text;
    try {
      text = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return postRaw(path, token, "application/json", text);
  }

  protected Response postRaw(String path, String token, String contentType, String body) {
    return postRaw(path, token, contentType, body, Map.of());
  }

  protected Response postRaw(
      String path, String token, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(b::header);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      String ct = r.headers().firstValue("Content-Type").orElse("");
      JsonNode json = null;
      try {
        json = r.body().isEmpty() ? null : JSON.readTree(r.body());
      } catch (IOException notJson) {
        // leave json null
      }
      return new Response(r.statusCode(), ct, r.body(), json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- contract examples ----------------------------------------------------------------------

  /** A contract example by its number, e.g. {@code example("01")}, from contracts/. */
  protected static ObjectNode example(String number) {
    return Examples.submission(number);
  }

  /** An example made unique (fresh messageId and recordId), so tests do not collide. */
  protected static ObjectNode freshSubmission(String number) {
    ObjectNode s = example(number);
    s.put("messageId", UUID.randomUUID().toString());
    ObjectNode record = (ObjectNode) s.get("record");
    record.put("recordId", UUID.randomUUID().toString());
    record.put("version", 1);
    record.remove("previousVersion");
    return s;
  }

  /** Waits until the agency's inbox has received {@code n} messages mentioning the record. */
  protected static List<LoggedRequest> awaitReceived(String agency, String recordId, int n) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                RECIPIENTS.findAll(
                    WireMock.postRequestedFor(WireMock.urlPathEqualTo("/" + agency + "/inbox"))
                        .withRequestBody(WireMock.containing(recordId))),
            l -> l.size() >= n);
  }

  /** The body of the first message the agency received about the record. */
  protected static String receivedBody(String agency, String recordId) {
    return awaitReceived(agency, recordId, 1).get(0).getBodyAsString();
  }

  // ---- database -------------------------------------------------------------------------------

  protected long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** Row counts of every table a submission could write to. */
  protected Map<String, Long> counts() {
    long intakeAudit =
        jdbc.sql(
                "select count(*) from audit_entry where action in"
                    + " ('COLLECTED','ALTERED','DECIDED','CONSENT_GRANTED','CONSENT_WITHDRAWN')")
            .query(Long.class)
            .single();
    return Map.of(
        "assessment_record", count("assessment_record"),
        "exchange", count("exchange"),
        "delivery", count("delivery"),
        "consent", count("consent"),
        "audit_entry (intake)", intakeAudit);
  }

  protected String deliveryStatus(String deliveryId) {
    return jdbc.sql("select status from delivery where delivery_id = :id")
        .param("id", deliveryId)
        .query(String.class)
        .single();
  }

  /** Waits until the delivery has the status, e.g. {@code DELIVERED}. */
  protected void awaitDeliveryStatus(String deliveryId, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> deliveryStatus(deliveryId), status::equals);
  }

  /** The delivery's attempts so far and its last error. */
  protected Map<String, Object> deliveryRow(String deliveryId) {
    return jdbc.sql("select attempts, last_error, status from delivery where delivery_id = :id")
        .param("id", deliveryId)
        .query()
        .singleRow();
  }

  /**
   * While the recipient is down: waits until the recipient's circuit opened, i.e. the delivery is
   * held as "circuit open" without spending attempts, and checks it is still pending.
   */
  protected void awaitCircuitOpen(String deliveryId) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "circuit open".equals(deliveryRow(deliveryId).get("last_error")));
    assertThat(deliveryStatus(deliveryId)).isEqualTo("PENDING");
  }
}

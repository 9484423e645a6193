package eu.focus.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The built demo jar as a process of its own, as an operator runs it: started in a working
 * directory of its own (its H2 database and demo key go to {@code ./data} there unless a database
 * URL is given), killed with SIGKILL, started again on the same port and database. Talks to it over
 * HTTP like any client.
 */
public final class GatewayProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path workDir;
  private final int port;
  private final List<String> settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;

  /**
   * @param workDir the process's working directory (its log is {@code gateway.log} there)
   * @param settings Spring Boot arguments beyond the port, e.g. {@code --spring.datasource.url=...}
   */
  public GatewayProcess(Path workDir, List<String> settings) throws IOException {
    this.workDir = workDir;
    this.port = freePort();
    this.settings = List.copyOf(settings);
  }

  /** Starts the process and waits until it is ready. */
  public GatewayProcess start() throws IOException {
    String jar = System.getProperty("focus.it.jar");
    assertThat(jar).as("focus.it.jar (set by Failsafe)").isNotNull();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-jar", jar));
    cmd.addAll(
        List.of(
            "--spring.profiles.active=demo",
            "--server.port=" + port,
            "--focus.demo.simulators.enabled=false",
            "--focus.demo.simulators.file-root=" + workDir.resolve("exchange"),
            "--spring.main.banner-mode=off"));
    cmd.addAll(settings);
    process =
        new ProcessBuilder(cmd)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(workDir.resolve("gateway.log").toFile()))
            .start();
    // A cold start warms the FHIR validator (~30 s alone on a busy 2-core machine): be generous.
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> send("GET", "/actuator/health/readiness", null, null).statusCode() == 200);
    return this;
  }

  /** SIGKILL: no shutdown hook, no flush, leases and half-done requests left behind. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  /** A demo token for the agency (each start has a new signing key: ask again after a restart). */
  public String token(String agency) throws Exception {
    HttpResponse<String> r = send("POST", "/demo/token?agency=" + agency, null, null);
    return JSON.readTree(r.body()).path("access_token").asText();
  }

  /** A demo token for a role without an agency: AUDITOR or OPERATOR. */
  public String roleToken(String role) throws Exception {
    HttpResponse<String> r = send("POST", "/demo/token?role=" + role, null, null);
    return JSON.readTree(r.body()).path("access_token").asText();
  }

  /** A call that must succeed (2xx); its JSON answer. */
  public JsonNode call(String method, String path, String token, Object body) throws Exception {
    HttpResponse<String> r = send(method, path, token, body);
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    return JSON.readTree(r.body());
  }

  /** Any call; the raw answer. */
  public HttpResponse<String> send(String method, String path, String token, Object body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b =
        body == null
            ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

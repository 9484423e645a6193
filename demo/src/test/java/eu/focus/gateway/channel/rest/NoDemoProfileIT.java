package eu.focus.gateway.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.gateway.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Outside the demo profile the demo credentials do not exist: no token endpoint, and the gateway
 * trusts only the configured identity provider's key.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"focus.pseudonym.secret=test-secret-of-sufficient-length"})
class NoDemoProfileIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry r) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    Path key = Files.createTempFile("idp", ".pem");
    Files.writeString(key, pem);
    r.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        () -> key.toUri().toString());
    String auditKey =
        Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair()
                    .getPrivate()
                    .getEncoded());
    r.add("focus.audit.signing-key", () -> auditKey);
    r.add("spring.datasource.url", TestDatabase::freshUrl);
    r.add("spring.datasource.username", TestDatabase::user);
    r.add("spring.datasource.password", () -> "");
  }

  @Test
  void hasNoDemoTokenEndpointAndRefusesUnsignedCalls() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/demo/token?agency=ro-police"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> api =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agencies"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // Without the demo profile the gateway knows no /demo path at all: denied like any other
    // unknown path, and no token comes out.
    assertThat(token.statusCode()).isEqualTo(401);
    assertThat(token.body()).doesNotContain("access_token");
    assertThat(api.statusCode()).isEqualTo(401);
  }
}

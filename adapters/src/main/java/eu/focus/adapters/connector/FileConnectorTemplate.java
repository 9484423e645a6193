package eu.focus.adapters.connector;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * The file connector type: delivers each message as one file into a directory, local ({@code
 * file:}) or on an SFTP server ({@code sftp:}), for a national system that takes files.
 *
 * <p>The file is named {@code <filePrefix><idempotencyKey>.<extension>}. It is written under a
 * temporary name ({@code <name>.part}) and renamed when complete, so a reader that only takes
 * {@code *.<extension>} never sees half a file. An existing file of that name is never overwritten:
 * the same idempotency key again means the message is already there, and the send succeeds without
 * writing. Like every outbound type, the write runs inside a Resilience4j circuit breaker with a
 * time limit, and is not retried here (the durable outbox retries).
 *
 * <p>Template parameters:
 *
 * <ul>
 *   <li>{@code connectorId}: unique id, the route is {@code direct:connector-<connectorId>}
 *   <li>{@code directoryUri}: {@code file:/var/focus/out/ro-probation} or {@code
 *       sftp://sftp.example.ro:22/incoming} (no options: they come from the parameters below)
 *   <li>{@code filePrefix}: put before the key in the file name. Default: none
 *   <li>{@code extension}: the file name's extension, without the dot. Default {@code json}
 *   <li>{@code charset}: the charset the text is written in. Default {@code UTF-8}
 *   <li>{@code username}: SFTP only, the login. Default: none
 *   <li>{@code password}: SFTP only, the password (value resolved by the gateway from a secret;
 *       never logged). Default: none
 *   <li>{@code privateKeyFile}: SFTP only, path of a private key file, instead of a password.
 *       Default: none
 *   <li>{@code privateKeyPassphrase}: SFTP only, the key's passphrase (a secret). Default: none
 *   <li>{@code knownHostsFile}: SFTP only, the known_hosts file holding the server's host key.
 *       Default: the gateway user's {@code ~/.ssh/known_hosts}
 *   <li>{@code strictHostKeyChecking}: SFTP only, {@code yes} refuses a server whose key is not
 *       known; {@code no} only for tests. Default {@code yes}
 *   <li>{@code timeoutMillis}: time limit of one write (also the SFTP connect and read timeout).
 *       Default 5000
 *   <li>{@code failureRateThreshold}, {@code minimumNumberOfCalls}, {@code waitInOpenStateSeconds}:
 *       the circuit breaker, as for every outbound type. Defaults 50, 5, 10
 * </ul>
 */
public class FileConnectorTemplate extends RouteBuilder {

  /** The template id used in configuration and by {@link ConnectorRegistry}. */
  public static final String TEMPLATE_ID = "file-connector";

  @Override
  public void configure() {
    RouteTemplateDefinition template =
        Resilience.declareParameters(routeTemplate(TEMPLATE_ID))
            .templateParameter("connectorId")
            .templateParameter("directoryUri")
            .templateParameter("filePrefix", "")
            .templateParameter("extension", "json")
            .templateParameter("charset", "UTF-8");
    FileEndpoints.SFTP_PARAMETERS.forEach(template::templateParameter);
    template
        // the endpoint depends on the directory's scheme, so it is built in Java and used by
        // reference (getEndpoint returns the same instance for the same URI)
        .templateBean(
            "targetEndpoint",
            Endpoint.class,
            rtc -> {
              Map<String, String> options = new LinkedHashMap<>();
              options.put("fileExist", "Ignore");
              options.put("tempFileName", "${file:name}.part");
              options.put("charset", rtc.getProperty("charset", String.class));
              return rtc.getCamelContext()
                  .getEndpoint(
                      FileEndpoints.uri(
                          rtc,
                          rtc.getProperty("directoryUri", String.class),
                          rtc.getProperty("timeoutMillis", Integer.class),
                          options));
            })
        .from("direct:connector-{{connectorId}}")
        .routeId("connector-{{connectorId}}")
        .circuitBreaker()
        .resilience4jConfiguration(Resilience.fromTemplateParameters())
        .removeHeaders("CamelFile*")
        .process(FileConnectorTemplate::checkKey)
        .setHeader(
            Exchange.FILE_NAME,
            simple(
                "{{filePrefix}}${header." + ConnectorHeaders.IDEMPOTENCY_KEY + "}.{{extension}}"))
        .to("ref:{{targetEndpoint}}")
        .end();
  }

  /**
   * Refuses an idempotency key that is not a plain file name: it must never lead the file into
   * another directory.
   */
  static void checkKey(Exchange exchange) {
    String key = exchange.getIn().getHeader(ConnectorHeaders.IDEMPOTENCY_KEY, String.class);
    if (key == null || !key.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,199}")) {
      throw new IllegalArgumentException("The idempotency key is not usable as a file name");
    }
  }
}

package eu.focus.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code focus.*} setting. docs/configuration.md is the reference for operators.
 *
 * @param roles which parts run in this process: {@code api}, {@code delivery}
 * @param agencies the agencies this gateway knows, with their connectors
 * @param api REST channel limits
 * @param delivery outbox worker settings
 * @param policy where the routing and minimisation policy is read from
 * @param pseudonym subject pseudonym settings
 * @param mappings where national-system mappings come from
 * @param systems where the national system files come from
 * @param auditor the auditor API: export bound, security-event throttle
 * @param audit the Merkle audit log: sequencing, checkpoints and their signing key
 */
@ConfigurationProperties(prefix = "focus")
public record FocusProperties(
    @DefaultValue({"api", "delivery"}) Set<String> roles,
    @DefaultValue List<AgencyConfig> agencies,
    @DefaultValue Api api,
    @DefaultValue Delivery delivery,
    @DefaultValue Policy policy,
    @DefaultValue Pseudonym pseudonym,
    @DefaultValue Mappings mappings,
    @DefaultValue Systems systems,
    @DefaultValue Auditor auditor,
    @DefaultValue Audit audit) {

  /** True when this process runs the given role. */
  public boolean runs(String role) {
    return roles.contains(role);
  }

  /**
   * One agency.
   *
   * @param id stable agency id used in tokens, submissions and audit entries
   * @param country ISO 3166-1 alpha-2 (GR, not EL)
   * @param type agency type from the agency-type code list
   * @param name display name
   * @param connector how the gateway delivers to it; absent for agencies that only send
   */
  public record AgencyConfig(
      String id, String country, String type, String name, ConnectorConfig connector) {}

  /**
   * A connector instance.
   *
   * @param type connector type (route template id), e.g. {@code rest-json-connector}
   * @param mapping national system id whose outbound mapping turns contract v1 into the recipient's
   *     own format; absent when the recipient speaks contract v1
   * @param parameters the template's parameters, e.g. endpointUrl, timeoutMillis
   */
  public record ConnectorConfig(
      String type, String mapping, @DefaultValue Map<String, String> parameters) {}

  /**
   * @param maxBodySize largest accepted request body; larger gets 413
   */
  public record Api(@DefaultValue("1MB") DataSize maxBodySize) {}

  /**
   * @param pollInterval how often a worker looks for due deliveries
   * @param batchSize how many deliveries a worker claims per poll
   * @param maxAttempts attempts before a delivery is dead-lettered
   * @param initialBackoff wait after the first failure
   * @param backoffMultiplier growth of the wait per further failure
   * @param maxBackoff upper bound of the wait
   * @param lease how long a claimed delivery stays reserved for its worker (crash recovery)
   * @param circuitOpenWait how long to hold a delivery whose recipient's circuit is open
   * @param workers delivery threads in this process; each claims and sends its own batch
   */
  public record Delivery(
      @DefaultValue("500ms") Duration pollInterval,
      @DefaultValue("20") int batchSize,
      @DefaultValue("15") int maxAttempts,
      @DefaultValue("2s") Duration initialBackoff,
      @DefaultValue("2.0") double backoffMultiplier,
      @DefaultValue("15m") Duration maxBackoff,
      @DefaultValue("60s") Duration lease,
      @DefaultValue("5s") Duration circuitOpenWait,
      @DefaultValue("4") int workers) {}

  /**
   * @param location the policy file (Spring resource location)
   */
  public record Policy(@DefaultValue("classpath:policy/default-policy.yaml") Resource location) {}

  /**
   * @param secret HMAC key that derives subject pseudonyms; keep it secret, never rotate casually
   */
  public record Pseudonym(String secret) {}

  /**
   * @param directory a folder of national-system mapping folders to use instead of the built-in
   *     ones (for integrators trying a new system); empty for the built-in systems
   */
  public record Mappings(String directory) {}

  /**
   * @param locations Spring resource patterns of national system files, one YAML file per system
   *     named {@code <id>.yaml}, e.g. {@code file:/etc/focus/systems/*.yaml}
   */
  public record Systems(@DefaultValue List<String> locations) {}

  /**
   * @param exportMaxEntries most entries one export (CSV or FHIR) may hold; a larger selection is
   *     refused with a problem asking for narrower filters
   * @param securityEventsPerMinute most AUTH_FAILED (and, separately, ACCESS_DENIED) entries one
   *     process writes per minute; the rest are counted and the count goes into the next entry, so
   *     a flood of bad tokens cannot flood the audit log
   */
  public record Auditor(
      @DefaultValue("10000") int exportMaxEntries,
      @DefaultValue("60") int securityEventsPerMinute) {}

  /**
   * @param sequenceInterval how often committed entries are given leaf indexes in the Merkle tree
   * @param batchSize most entries one sequencing transaction appends
   * @param checkpointInterval how often a checkpoint is signed (only when the tree grew)
   * @param origin the log's name, first line of every checkpoint and its key name: one word
   * @param signingKey the Ed25519 private key that signs checkpoints, PKCS#8: PEM text, base64 DER,
   *     or the path of a PEM file; required unless {@code demoKeyFile} is set
   * @param demoKeyFile demo profile only: a file where a generated key is kept, so checkpoints stay
   *     verifiable across restarts; used when {@code signingKey} is empty
   */
  public record Audit(
      @DefaultValue("200ms") Duration sequenceInterval,
      @DefaultValue("1000") int batchSize,
      @DefaultValue("60s") Duration checkpointInterval,
      @DefaultValue("focus-gateway/audit") String origin,
      String signingKey,
      String demoKeyFile) {}
}

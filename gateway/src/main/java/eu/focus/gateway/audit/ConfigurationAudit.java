package eu.focus.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.agency.AgencyDirectory;
import eu.focus.gateway.config.FocusProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, one CONFIGURATION_LOADED entry per configuration part that decides who sees what:
 * the routing policy file, the effective agency directory, and the national system files. Each
 * holds the part's SHA-256 and whether it changed since the last start (of any replica), so an
 * auditor sees every change of the rules in the same log as the decisions taken under them.
 */
@Component
public class ConfigurationAudit {

  /** The parts fingerprinted, in the order written. */
  public static final List<String> PARTS = List.of("policy", "agencies", "systems");

  private static final String HASH = " sha256=";

  private final FocusProperties props;
  private final AgencyDirectory agencies;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final TransactionTemplate tx;

  public ConfigurationAudit(
      FocusProperties props,
      AgencyDirectory agencies,
      ObjectMapper json,
      AuditLog audit,
      TransactionTemplate tx) {
    this.props = props;
    this.agencies = agencies;
    this.json = json;
    this.audit = audit;
    this.tx = tx;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void loaded() {
    List<String> hashes = List.of(policy(), agencyDirectory(), systemFiles());
    tx.executeWithoutResult(
        s -> {
          for (int i = 0; i < PARTS.size(); i++) {
            String part = PARTS.get(i);
            Optional<String> previous =
                audit
                    .latest(AuditAction.CONFIGURATION_LOADED, part + HASH)
                    .map(e -> e.reason().substring((part + HASH).length()).split(" ")[0]);
            String change =
                previous.isEmpty()
                    ? "first start"
                    : previous.get().equals(hashes.get(i))
                        ? "unchanged since last start"
                        : "changed since last start";
            audit.append(
                AuditEvent.of(AuditAction.CONFIGURATION_LOADED, "SUCCESS")
                    .actor(null, null, "SYSTEM")
                    .reason(part + HASH + hashes.get(i) + " " + change));
          }
        });
  }

  private String policy() {
    MessageDigest md = sha256();
    update(md, props.policy().location());
    return HexFormat.of().formatHex(md.digest());
  }

  /** The agencies as the gateway uses them (configuration plus system files), by id. */
  private String agencyDirectory() {
    List<Agency> all = new ArrayList<>(agencies.all());
    all.sort(Comparator.comparing(Agency::id));
    try {
      return HexFormat.of().formatHex(sha256().digest(json.writeValueAsBytes(all)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every national system file, by file name: name and bytes. */
  private String systemFiles() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> files = new ArrayList<>();
    try {
      for (String location : props.systems().locations()) {
        files.addAll(List.of(resolver.getResources(location)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
    MessageDigest md = sha256();
    for (Resource file : files) {
      md.update(
          String.valueOf(file.getFilename()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      update(md, file);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      md.update(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

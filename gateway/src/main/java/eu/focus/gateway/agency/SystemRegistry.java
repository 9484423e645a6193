package eu.focus.gateway.agency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.focus.gateway.config.FocusProperties;
import eu.focus.mappings.Mapping;
import eu.focus.mappings.NationalSystem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The national systems this gateway is connected to: one YAML file per system, read from {@code
 * focus.systems.locations} at start-up (see docs/connecting-a-national-system.md for the format).
 *
 * <p>A system file is checked before anything runs: its mapping must exist and serve the same
 * agency, the agency must be configured, and a credential must be given by reference ({@code
 * ${ENV_VAR}}), never written into the file, so that system files can be reviewed and versioned
 * like the mappings. A file that fails any check stops the start with a message naming the file and
 * the field.
 */
@Component
public class SystemRegistry {

  /** Parameter names whose values are credentials: they must be {@code ${...}} references. */
  static final Pattern CREDENTIAL =
      Pattern.compile("(?i).*(password|passphrase|secret|token|privatekey|credential).*");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}]+}");
  private static final Set<String> TOP_LEVEL =
      Set.of("id", "agency", "mapping", "outbound", "inbound", "resilience", "description");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, SystemFile> systems = new LinkedHashMap<>();

  public SystemRegistry(FocusProperties props, Environment env, Mapping mapping) {
    Set<String> agencies = new HashSet<>();
    props.agencies().forEach(a -> agencies.add(a.id()));
    for (Resource file : resources(props.systems().locations())) {
      SystemFile system = read(file, env);
      check(system, agencies, mapping);
      if (systems.putIfAbsent(system.id(), system) != null) {
        throw new IllegalStateException(
            "National system " + system.id() + " is defined twice: " + system.source());
      }
    }
  }

  /** Every connected system, in the order read. */
  public Collection<SystemFile> all() {
    return systems.values();
  }

  public Optional<SystemFile> find(String id) {
    return Optional.ofNullable(systems.get(id));
  }

  /** The system that delivers for (and to) the given agency, if any. */
  public Optional<SystemFile> forAgency(String agencyId) {
    return systems.values().stream().filter(s -> s.agency().equals(agencyId)).findFirst();
  }

  private static List<Resource> resources(List<String> locations) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> found = new ArrayList<>();
    for (String location : locations) {
      try {
        Resource[] matched = resolver.getResources(location);
        Arrays.sort(matched, Comparator.comparing(Resource::getDescription));
        found.addAll(Arrays.asList(matched));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot list national system files at " + location, e);
      }
    }
    return found;
  }

  static SystemFile read(Resource file, Environment env) {
    String source = file.getDescription();
    String name = file.getFilename() == null ? "" : file.getFilename();
    JsonNode yaml;
    try (InputStream in = file.getInputStream()) {
      yaml = YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(source + ": not readable YAML: " + e.getMessage(), e);
    }
    if (yaml == null || !yaml.isObject()) {
      throw new IllegalStateException(source + ": expected a mapping of fields");
    }
    for (Iterator<String> it = yaml.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!TOP_LEVEL.contains(field)) {
        throw new IllegalStateException(
            source + ": unknown field '" + field + "'; known: " + TOP_LEVEL);
      }
    }
    String id = required(yaml, "id", source);
    if (!id.matches("[a-z0-9-]{2,64}") || !name.equals(id + ".yaml")) {
      throw new IllegalStateException(
          source + ": id must be lower-case letters, digits, '-' and the file must be <id>.yaml");
    }
    String agency = required(yaml, "agency", source);
    String mapping = yaml.path("mapping").asText(id);
    Map<String, String> resilience = parameters(yaml.path("resilience"), source, "resilience", env);
    return new SystemFile(
        id,
        agency,
        mapping,
        connector(yaml.path("outbound"), source, "outbound", env),
        connector(yaml.path("inbound"), source, "inbound", env),
        resilience,
        source);
  }

  private static SystemFile.Connector connector(
      JsonNode node, String source, String where, Environment env) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    String type = required(node, "type", source + " " + where);
    Map<String, String> params = parameters(node, source, where, env);
    params.remove("type");
    return new SystemFile.Connector(type, params);
  }

  private static Map<String, String> parameters(
      JsonNode node, String source, String where, Environment env) {
    Map<String, String> params = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return params;
    }
    if (!node.isObject()) {
      throw new IllegalStateException(source + ": " + where + " must be a mapping of fields");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode()) {
        throw new IllegalStateException(
            source + ": " + where + "." + e.getKey() + " must be a single value");
      }
      String raw = e.getValue().asText();
      if (CREDENTIAL.matcher(e.getKey()).matches()
          && !raw.isEmpty()
          && !REFERENCE.matcher(raw).matches()) {
        throw new IllegalStateException(
            source
                + ": "
                + where
                + "."
                + e.getKey()
                + " is a credential; give it by reference, e.g. ${MY_SYSTEM_PASSWORD}, not"
                + " written in the file");
      }
      try {
        params.put(e.getKey(), env.resolveRequiredPlaceholders(raw));
      } catch (IllegalArgumentException unresolved) {
        throw new IllegalStateException(
            source + ": " + where + "." + e.getKey() + ": " + unresolved.getMessage());
      }
    }
    return params;
  }

  private static String required(JsonNode node, String field, String where) {
    String value = node.path(field).asText("");
    if (value.isBlank()) {
      throw new IllegalStateException(where + ": '" + field + "' is required");
    }
    return value;
  }

  private static void check(SystemFile system, Set<String> agencies, Mapping mapping) {
    if (!agencies.contains(system.agency())) {
      throw new IllegalStateException(
          system.source()
              + ": agency "
              + system.agency()
              + " is not configured (focus.agencies); add it there first");
    }
    NationalSystem mapped =
        mapping
            .registry()
            .system(system.mapping())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        system.source()
                            + ": mapping "
                            + system.mapping()
                            + " not found in "
                            + mapping.registry().systemIds()));
    if (!mapped.agencyId().equals(system.agency())) {
      throw new IllegalStateException(
          system.source()
              + ": mapping "
              + system.mapping()
              + " sends for agency "
              + mapped.agencyId()
              + ", the system file says "
              + system.agency());
    }
  }
}

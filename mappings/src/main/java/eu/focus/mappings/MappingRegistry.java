package eu.focus.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.focus.contract.CodeLists;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.saxon.s9api.Processor;

/**
 * The national systems the gateway can map, each loaded and compiled from its folder.
 *
 * <p>On the classpath a system lives in {@code focus/mappings/<system-id>/}, and every {@code
 * focus/mappings/index.json} on the classpath names the systems beside it ({@code {"systems":
 * ["ro-police", ...]}}), because a classpath directory cannot be listed reliably inside a jar. All
 * such index files are read, so a jar of extra systems only has to bring its own index. In a
 * directory ({@link #loadFrom(Path)}) every sub-folder with a {@code system.yaml} is a system.
 *
 * <p>Loading checks each folder completely (descriptor, mapping compiles, code lists parse, the
 * mapping names only lists the folder has) and throws {@link MappingDefinitionException} on the
 * first broken folder. A loaded registry is immutable and safe to share between threads.
 *
 * <p>Over 400 lines on purpose: loading and checking a system folder is one procedure whose checks
 * refer to each other (the mapping may name only the lists the folder has), and half of the file is
 * the explanation of each refusal a national IT department will read.
 */
public final class MappingRegistry {

  /** Classpath folder holding one sub-folder per system. */
  public static final String CLASSPATH_ROOT = "focus/mappings/";

  /** Classpath index naming the systems; there may be one per jar. */
  public static final String INDEX = CLASSPATH_ROOT + "index.json";

  /** Name of the descriptor in every system folder. */
  public static final String DESCRIPTOR = "system.yaml";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern SYSTEM_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern AGENCY_ID = Pattern.compile("^[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$");
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
              + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
  private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Code-list names used literally by a mapping, to check them at load time. */
  private static final Pattern CODE_CALL =
      Pattern.compile(
          "(?:\\$toContract|\\$toNational|fg:to-contract|fg:to-national)\\(\\s*'([a-z0-9-]+)'");

  private static final Set<String> DESCRIPTOR_KEYS =
      Set.of(
          "id",
          "name",
          "country",
          "language",
          "agencyId",
          "format",
          "mappingVersion",
          "inbound",
          "outbound",
          "codeLists",
          "oneWayFields",
          "csv");

  /** Contract sizes that the descriptor feeds into records. */
  private static final int MAX_MAPPING_VERSION_TAG = 50;

  private static final int MAX_AUTHORING_SYSTEM = 200;

  private final Map<String, LoadedSystem> systems;

  private MappingRegistry(Map<String, LoadedSystem> systems) {
    this.systems = Collections.unmodifiableMap(new TreeMap<>(systems));
  }

  /** Loads every system named by an index on this class's class loader. */
  public static MappingRegistry load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return load(loader != null ? loader : MappingRegistry.class.getClassLoader());
  }

  /** Loads every system named by an index on the given class loader. */
  public static MappingRegistry load(ClassLoader loader) {
    Set<String> ids = new TreeSet<>();
    try {
      Iterator<URL> indexes = loader.getResources(INDEX).asIterator();
      while (indexes.hasNext()) {
        URL index = indexes.next();
        JsonNode systemsNode;
        try (InputStream in = index.openStream()) {
          systemsNode = JSON.readTree(in).path("systems");
        }
        if (!systemsNode.isArray()) {
          throw new MappingDefinitionException(index + ": expected {\"systems\": [ids]}");
        }
        for (JsonNode id : systemsNode) {
          if (!ids.add(id.asText())) {
            throw new MappingDefinitionException(
                "system '" + id.asText() + "' is named by more than one index (" + index + ")");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
    Processor processor = XsltTransform.newProcessor();
    CodeLists contractLists = CodeLists.load();
    Map<String, LoadedSystem> loaded = new LinkedHashMap<>();
    for (String id : ids) {
      loaded.put(id, loadSystem(id, new ClasspathFolder(loader, id), processor, contractLists));
    }
    return new MappingRegistry(loaded);
  }

  /**
   * Loads every sub-folder of {@code dir} that has a {@code system.yaml}; the folder's name must be
   * the system's id. This lets an integrator try a new system without building anything.
   */
  public static MappingRegistry loadFrom(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new MappingDefinitionException(dir + " is not a directory");
    }
    List<Path> folders;
    try (Stream<Path> children = Files.list(dir)) {
      folders =
          children
              .filter(child -> Files.isRegularFile(child.resolve(DESCRIPTOR)))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    Processor processor = XsltTransform.newProcessor();
    CodeLists contractLists = CodeLists.load();
    Map<String, LoadedSystem> loaded = new LinkedHashMap<>();
    for (Path folder : folders) {
      String id = folder.getFileName().toString();
      loaded.put(id, loadSystem(id, new DirectoryFolder(folder), processor, contractLists));
    }
    return new MappingRegistry(loaded);
  }

  /** The ids of every loaded system, sorted. */
  public Set<String> systemIds() {
    return systems.keySet();
  }

  /** Every loaded system, sorted by id. */
  public List<NationalSystem> systems() {
    return systems.values().stream().map(LoadedSystem::descriptor).toList();
  }

  /** The system with that id, if loaded. */
  public Optional<NationalSystem> system(String id) {
    return Optional.ofNullable(loaded(id)).map(LoadedSystem::descriptor);
  }

  /** The code lists of a system, by name. */
  public Map<String, CodeList> codeLists(String id) {
    LoadedSystem system = loaded(id);
    return system == null ? Map.of() : system.codeLists();
  }

  LoadedSystem loaded(String id) {
    return id == null ? null : systems.get(id);
  }

  @Override
  public String toString() {
    return "MappingRegistry" + systems.keySet();
  }

  /** A system ready to run: descriptor, code lists and compiled mappings. */
  record LoadedSystem(
      NationalSystem descriptor,
      Map<String, CodeList> codeLists,
      JsonataTransform jsonataInbound,
      JsonataTransform jsonataOutbound,
      XsltTransform xsltInbound,
      XsltTransform xsltOutbound) {}

  private static LoadedSystem loadSystem(
      String id, Folder folder, Processor processor, CodeLists contractLists) {
    String where = folder.describe();
    try {
      if (!SYSTEM_ID.matcher(id).matches()) {
        throw new MappingDefinitionException("'" + id + "' is not a valid system id");
      }
      JsonNode yaml = YAML.readTree(folder.read(DESCRIPTOR));
      if (yaml == null || !yaml.isObject()) {
        throw new MappingDefinitionException(DESCRIPTOR + " must be a mapping of keys to values");
      }
      yaml.fieldNames()
          .forEachRemaining(
              key -> {
                if (!DESCRIPTOR_KEYS.contains(key)) {
                  throw new MappingDefinitionException(
                      DESCRIPTOR + ": unknown key '" + key + "'; known: " + DESCRIPTOR_KEYS);
                }
              });
      String declaredId = text(yaml, "id");
      if (!declaredId.equals(id)) {
        throw new MappingDefinitionException(
            DESCRIPTOR + ": id '" + declaredId + "' differs from the folder name '" + id + "'");
      }
      String name = text(yaml, "name");
      if (name.length() > MAX_AUTHORING_SYSTEM) {
        throw new MappingDefinitionException(
            DESCRIPTOR + ": name is longer than " + MAX_AUTHORING_SYSTEM + " characters");
      }
      String country = text(yaml, "country");
      if (!contractLists.contains("country", country)
          || !contractLists.canonical("country", country).equals(country)) {
        throw new MappingDefinitionException(
            DESCRIPTOR + ": country '" + country + "' is not a contract country code");
      }
      String language = text(yaml, "language");
      if (!contractLists.contains("language", language)) {
        throw new MappingDefinitionException(
            DESCRIPTOR + ": language '" + language + "' is not a contract language tag");
      }
      String agencyId = text(yaml, "agencyId");
      if (!AGENCY_ID.matcher(agencyId).matches()) {
        throw new MappingDefinitionException(
            DESCRIPTOR + ": agencyId '" + agencyId + "' is not an agency id like ro-police");
      }
      NationalSystem.Format format = format(text(yaml, "format"));
      String mappingVersion = text(yaml, "mappingVersion");
      if (!SEMVER.matcher(mappingVersion).matches()) {
        throw new MappingDefinitionException(
            DESCRIPTOR + ": mappingVersion '" + mappingVersion + "' is not a semantic version");
      }
      if ((id + "@" + mappingVersion).length() > MAX_MAPPING_VERSION_TAG) {
        throw new MappingDefinitionException(
            DESCRIPTOR
                + ": '"
                + id
                + "@"
                + mappingVersion
                + "' is longer than the contract's "
                + MAX_MAPPING_VERSION_TAG
                + " characters for provenance.mappingVersion");
      }
      String inbound = text(yaml, "inbound");
      String outbound = text(yaml, "outbound");
      checkExtension(format, inbound);
      checkExtension(format, outbound);
      CsvFormat csv = null;
      if (format == NationalSystem.Format.CSV) {
        try {
          csv = CsvFormat.fromDescriptor(yaml.get("csv"));
        } catch (MappingDefinitionException e) {
          throw new MappingDefinitionException(DESCRIPTOR + ": " + e.getMessage(), e);
        }
      } else if (yaml.has("csv")) {
        throw new MappingDefinitionException(
            DESCRIPTOR + ": a csv: section belongs only to a system with format: csv");
      }

      List<String> listNames = new ArrayList<>();
      JsonNode lists = yaml.path("codeLists");
      if (!lists.isMissingNode() && !lists.isArray()) {
        throw new MappingDefinitionException(DESCRIPTOR + ": codeLists must be a list of names");
      }
      for (JsonNode list : lists) {
        if (!LIST_NAME.matcher(list.asText()).matches()) {
          throw new MappingDefinitionException(
              DESCRIPTOR + ": '" + list.asText() + "' is not a valid code-list name");
        }
        listNames.add(list.asText());
      }
      Map<String, CodeList> codeLists = new TreeMap<>();
      for (String list : listNames) {
        String file = "codelists/" + list + ".csv";
        try {
          codeLists.put(list, CodeList.parse(list, folder.read(file)));
        } catch (IllegalArgumentException e) {
          throw new MappingDefinitionException(file + ": " + e.getMessage(), e);
        }
      }

      Map<String, String> oneWay = new TreeMap<>();
      JsonNode oneWayNode = yaml.path("oneWayFields");
      if (!oneWayNode.isMissingNode() && !oneWayNode.isObject()) {
        throw new MappingDefinitionException(
            DESCRIPTOR + ": oneWayFields must map JSON pointers to reasons");
      }
      oneWayNode
          .fields()
          .forEachRemaining(
              field -> {
                if (!field.getKey().startsWith("/") || field.getValue().asText().isBlank()) {
                  throw new MappingDefinitionException(
                      DESCRIPTOR
                          + ": oneWayFields needs a JSON pointer and a reason, found '"
                          + field.getKey()
                          + "'");
                }
                oneWay.put(field.getKey(), field.getValue().asText());
              });

      NationalSystem descriptor =
          new NationalSystem(
              id,
              name,
              country,
              language,
              agencyId,
              format,
              mappingVersion,
              inbound,
              outbound,
              listNames,
              oneWay,
              where,
              folder.directory().orElse(null),
              csv);

      String inboundText = folder.read(inbound);
      String outboundText = folder.read(outbound);
      checkListNames(inbound, inboundText, codeLists.keySet());
      checkListNames(outbound, outboundText, codeLists.keySet());
      Map<String, Object> systemBinding = systemBinding(descriptor);
      if (format != NationalSystem.Format.XML) {
        return new LoadedSystem(
            descriptor,
            Collections.unmodifiableMap(codeLists),
            JsonataTransform.compile(inbound, inboundText, systemBinding),
            JsonataTransform.compile(outbound, outboundText, systemBinding),
            null,
            null);
      }
      return new LoadedSystem(
          descriptor,
          Collections.unmodifiableMap(codeLists),
          null,
          null,
          XsltTransform.compile(processor, inbound, inboundText, systemBinding),
          XsltTransform.compile(processor, outbound, outboundText, systemBinding));
    } catch (MappingDefinitionException e) {
      throw new MappingDefinitionException(
          "national system '" + id + "' at " + where + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MappingDefinitionException(
          "national system '" + id + "' at " + where + ": " + e.getMessage(), e);
    }
  }

  /** What a mapping sees as {@code $system}. */
  private static Map<String, Object> systemBinding(NationalSystem system) {
    Map<String, Object> binding = new LinkedHashMap<>();
    binding.put("id", system.id());
    binding.put("name", system.name());
    binding.put("country", system.country());
    binding.put("language", system.language());
    binding.put("agencyId", system.agencyId());
    binding.put("mappingVersion", system.mappingVersion());
    binding.put("mappingVersionTag", system.mappingVersionTag());
    return Collections.unmodifiableMap(binding);
  }

  private static void checkListNames(String file, String text, Set<String> lists) {
    Matcher matcher = CODE_CALL.matcher(text);
    Set<String> missing = new TreeSet<>();
    while (matcher.find()) {
      if (!lists.contains(matcher.group(1))) {
        missing.add(matcher.group(1));
      }
    }
    if (!missing.isEmpty()) {
      throw new MappingDefinitionException(
          file + " uses code lists " + missing + " that codeLists in " + DESCRIPTOR + " lacks");
    }
  }

  private static NationalSystem.Format format(String value) {
    return switch (value) {
      case "json" -> NationalSystem.Format.JSON;
      case "xml" -> NationalSystem.Format.XML;
      case "csv" -> NationalSystem.Format.CSV;
      default ->
          throw new MappingDefinitionException(
              DESCRIPTOR + ": format must be json, xml or csv, found '" + value + "'");
    };
  }

  private static void checkExtension(NationalSystem.Format format, String file) {
    boolean jsonata = format != NationalSystem.Format.XML;
    boolean ok =
        jsonata ? file.endsWith(".jsonata") : file.endsWith(".xsl") || file.endsWith(".xslt");
    if (!ok || file.contains("/") || file.contains("\\")) {
      throw new MappingDefinitionException(
          DESCRIPTOR
              + ": '"
              + file
              + "' must be a file in the folder ending in "
              + (jsonata ? ".jsonata" : ".xsl or .xslt"));
    }
  }

  private static String text(JsonNode yaml, String key) {
    JsonNode value = yaml.get(key);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw new MappingDefinitionException(DESCRIPTOR + ": '" + key + "' is required");
    }
    return value.asText().trim();
  }

  /** Where a system's files come from. */
  private interface Folder {
    String read(String relative) throws IOException;

    Optional<Path> directory();

    String describe();
  }

  private record ClasspathFolder(ClassLoader loader, String id) implements Folder {

    @Override
    public String read(String relative) throws IOException {
      String resource = CLASSPATH_ROOT + id + "/" + relative;
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new MappingDefinitionException("missing file " + relative);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    @Override
    public Optional<Path> directory() {
      URL descriptor = loader.getResource(CLASSPATH_ROOT + id + "/" + DESCRIPTOR);
      if (descriptor == null || !"file".equals(descriptor.getProtocol())) {
        return Optional.empty();
      }
      try {
        return Optional.of(Path.of(descriptor.toURI()).getParent());
      } catch (URISyntaxException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    @Override
    public String describe() {
      return "classpath:" + CLASSPATH_ROOT + id + "/";
    }
  }

  private record DirectoryFolder(Path dir) implements Folder {

    @Override
    public String read(String relative) throws IOException {
      Path file = dir.resolve(relative);
      if (!Files.isRegularFile(file)) {
        throw new MappingDefinitionException("missing file " + relative);
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<Path> directory() {
      return Optional.of(dir);
    }

    @Override
    public String describe() {
      return dir.toString();
    }
  }
}

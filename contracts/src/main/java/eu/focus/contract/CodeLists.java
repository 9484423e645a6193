package eu.focus.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract's code lists, one file per list under {@code focus/contract/v1/codelists/}, named by
 * {@code codelists/index.json} (a classpath directory cannot be listed reliably inside a jar).
 *
 * <p>A list file holds {@code codes} (each with {@code code}, {@code display} and optional extra
 * fields) and may declare {@code aliases} (e.g. {@code EL → GR}), {@code caseInsensitive} (BCP-47
 * tags) and, for hierarchical codes such as ICCS, {@code prefixLength} with {@code pattern}: a code
 * matching the pattern is accepted when its first {@code prefixLength} characters are a listed
 * code. Instances are immutable and safe to share between threads.
 */
public final class CodeLists {

  /** The index naming every list id. */
  public static final String INDEX = ContractSchemas.RESOURCE_DIR + "codelists/index.json";

  private final Map<String, CodeList> lists;

  private CodeLists(Map<String, CodeList> lists) {
    this.lists = lists;
  }

  /** Loads every list named in the index from the classpath. */
  public static CodeLists load() {
    ClassLoader loader = CodeLists.class.getClassLoader();
    JsonNode index = ContractSchemas.readResource(loader, INDEX);
    Map<String, CodeList> lists = new LinkedHashMap<>();
    for (JsonNode id : index.path("lists")) {
      String path = ContractSchemas.RESOURCE_DIR + "codelists/" + id.asText() + ".json";
      JsonNode doc = ContractSchemas.readResource(loader, path);
      if (!id.asText().equals(doc.path("id").asText())) {
        throw new IllegalStateException(path + " declares id '" + doc.path("id").asText() + "'");
      }
      lists.put(id.asText(), new CodeList(doc));
    }
    return new CodeLists(Collections.unmodifiableMap(lists));
  }

  /** The ids of all lists. */
  public Set<String> listIds() {
    return lists.keySet();
  }

  /**
   * Whether a code belongs to a list, after alias and case rules; a finer level of a hierarchical
   * list (ICCS {@code 0301}) belongs when its prefix does.
   *
   * @throws IllegalArgumentException if there is no list with that id
   */
  public boolean contains(String listId, String code) {
    return entry(listId, code).isPresent();
  }

  /**
   * The list entry a code stands for: its own entry, the entry its alias names, or, for a finer
   * level of a hierarchical list, the entry of its prefix. Returns a copy.
   *
   * @throws IllegalArgumentException if there is no list with that id
   */
  public Optional<JsonNode> entry(String listId, String code) {
    return list(listId).entry(code).map(JsonNode::deepCopy);
  }

  /**
   * The canonical spelling of a code: the alias target ({@code EL → GR}), the listed casing of a
   * case-insensitive code ({@code sr-latn → sr-Latn}), otherwise the code unchanged (also for finer
   * hierarchical levels and unknown codes).
   *
   * @throws IllegalArgumentException if there is no list with that id
   */
  public String canonical(String listId, String code) {
    return list(listId).canonical(code);
  }

  /** The listed codes of a list, in file order (aliases and finer levels not included). */
  public List<String> codes(String listId) {
    return list(listId).codes;
  }

  /** The whole list document, as a copy. */
  public JsonNode document(String listId) {
    return list(listId).doc.deepCopy();
  }

  private CodeList list(String listId) {
    CodeList list = lists.get(listId);
    if (list == null) {
      throw new IllegalArgumentException("unknown code list '" + listId + "'");
    }
    return list;
  }

  private static final class CodeList {
    private final JsonNode doc;
    private final boolean caseInsensitive;
    private final int prefixLength;
    private final Pattern pattern;
    private final List<String> codes;
    private final Map<String, JsonNode> entries = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    CodeList(JsonNode doc) {
      this.doc = doc;
      this.caseInsensitive = doc.path("caseInsensitive").asBoolean(false);
      this.prefixLength = doc.path("prefixLength").asInt(0);
      this.pattern =
          doc.hasNonNull("pattern") ? Pattern.compile(doc.get("pattern").asText()) : null;
      List<String> listed = new ArrayList<>();
      for (JsonNode entry : doc.path("codes")) {
        String code = entry.path("code").asText();
        listed.add(code);
        entries.put(key(code), entry);
      }
      this.codes = List.copyOf(listed);
      doc.path("aliases")
          .fields()
          .forEachRemaining(alias -> aliases.put(key(alias.getKey()), alias.getValue().asText()));
    }

    Optional<JsonNode> entry(String code) {
      if (code == null) {
        return Optional.empty();
      }
      String resolved = aliases.getOrDefault(key(code), code);
      JsonNode exact = entries.get(key(resolved));
      if (exact != null) {
        return Optional.of(exact);
      }
      if (prefixLength > 0
          && resolved.length() > prefixLength
          && (pattern == null || pattern.matcher(resolved).matches())) {
        return Optional.ofNullable(entries.get(key(resolved.substring(0, prefixLength))));
      }
      return Optional.empty();
    }

    String canonical(String code) {
      if (code == null) {
        return null;
      }
      String resolved = aliases.getOrDefault(key(code), code);
      JsonNode exact = entries.get(key(resolved));
      return exact != null ? exact.path("code").asText() : code;
    }

    private String key(String code) {
      return caseInsensitive ? code.toLowerCase(Locale.ROOT) : code;
    }
  }
}

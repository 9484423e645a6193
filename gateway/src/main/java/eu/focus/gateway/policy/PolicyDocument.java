package eu.focus.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy file, parsed and checked: the who-may-see-what matrix per recipient kind, the hard
 * rules' parameters, and per-country tightenings. A country entry that loosens the default is an
 * error at start-up, not a silent override.
 */
public final class PolicyDocument {

  /** Classes an agency recipient can ever receive; S0 is always FULL and S8 never. */
  public static final List<String> CONTENT_CLASSES =
      List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7");

  /** One row of the matrix. Levels may differ per subject category. */
  public record RecipientKind(
      String name,
      Set<String> agencyTypes,
      Set<SubjectCategory> subjects,
      Map<String, Map<SubjectCategory, Access>> classes) {

    public Access access(String cls, SubjectCategory subject) {
      Map<SubjectCategory, Access> bySubject = classes.get(cls);
      return bySubject == null ? Access.NONE : bySubject.getOrDefault(subject, Access.NONE);
    }
  }

  private final String version;
  private final Map<String, RecipientKind> kinds;
  private final Set<String> victimSideTypes;
  private final Set<String> defenceDisclosureTypes;
  private final String defenceDisclosureFlag;
  private final Map<String, Map<String, Map<String, Access>>> countries;
  private final BreakGlass breakGlass;

  /**
   * Emergency access: the reason codes an agency may declare, and per recipient kind the classes it
   * may then read. A kind not listed may not break the glass at all.
   */
  public record BreakGlass(Set<String> reasons, Map<String, Map<String, Access>> kinds) {

    static final BreakGlass NONE = new BreakGlass(Set.of(), Map.of());

    /** The classes the kind may read in an emergency, if it may break the glass at all. */
    public Optional<Map<String, Access>> classesFor(String kind) {
      return Optional.ofNullable(kinds.get(kind));
    }
  }

  private PolicyDocument(
      String version,
      Map<String, RecipientKind> kinds,
      Set<String> victimSideTypes,
      Set<String> defenceDisclosureTypes,
      String defenceDisclosureFlag,
      Map<String, Map<String, Map<String, Access>>> countries,
      BreakGlass breakGlass) {
    this.version = version;
    this.kinds = kinds;
    this.victimSideTypes = victimSideTypes;
    this.defenceDisclosureTypes = defenceDisclosureTypes;
    this.defenceDisclosureFlag = defenceDisclosureFlag;
    this.countries = countries;
    this.breakGlass = breakGlass;
  }

  public static PolicyDocument parse(InputStream yaml) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    Map<String, RecipientKind> kinds = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("recipients").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode k = e.getValue();
      Set<SubjectCategory> subjects = new HashSet<>();
      if (k.has("subjects")) {
        k.get("subjects").forEach(s -> subjects.add(SubjectCategory.valueOf(s.asText())));
      } else {
        subjects.addAll(List.of(SubjectCategory.values()));
      }
      Map<String, Map<SubjectCategory, Access>> classes = new HashMap<>();
      for (String cls : CONTENT_CLASSES) {
        classes.put(cls, levels(k.path("classes").path(cls), e.getKey() + "." + cls));
      }
      kinds.put(
          e.getKey(),
          new RecipientKind(e.getKey(), strings(k.path("agencyTypes")), subjects, classes));
    }
    JsonNode hard = root.path("hardRules");
    Map<String, Map<String, Map<String, Access>>> countries = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("countries").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> c = it.next();
      Map<String, Map<String, Access>> perKind = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> kt = c.getValue().fields(); kt.hasNext(); ) {
        Map.Entry<String, JsonNode> k = kt.next();
        RecipientKind kind = kinds.get(k.getKey());
        if (kind == null) {
          throw new IllegalArgumentException(
              "Policy: country " + c.getKey() + " names unknown recipient kind " + k.getKey());
        }
        Map<String, Access> levels = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> lt = k.getValue().fields(); lt.hasNext(); ) {
          Map.Entry<String, JsonNode> l = lt.next();
          Access tightened = Access.valueOf(l.getValue().asText());
          for (SubjectCategory s : SubjectCategory.values()) {
            if (!kind.access(l.getKey(), s).allowsTightening(tightened)) {
              throw new IllegalArgumentException(
                  "Policy: country "
                      + c.getKey()
                      + " loosens "
                      + k.getKey()
                      + "."
                      + l.getKey()
                      + " to "
                      + tightened
                      + "; a country may only tighten");
            }
          }
          levels.put(l.getKey(), tightened);
        }
        perKind.put(k.getKey(), levels);
      }
      countries.put(c.getKey(), perKind);
    }
    return new PolicyDocument(
        root.path("version").asText("unversioned"),
        kinds,
        strings(hard.path("suspectNeverToVictimSide").path("victimSideAgencyTypes")),
        strings(hard.path("defenceDisclosure").path("agencyTypes")),
        hard.path("defenceDisclosure").path("flag").asText("DEFENCE_DISCLOSURE"),
        countries,
        breakGlass(root.path("breakGlass"), kinds));
  }

  private static BreakGlass breakGlass(JsonNode node, Map<String, RecipientKind> kinds) {
    if (node.isMissingNode() || node.isNull()) {
      return BreakGlass.NONE;
    }
    Set<String> reasons = strings(node.path("reasons"));
    Map<String, Map<String, Access>> perKind = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("recipients").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> k = it.next();
      if (!kinds.containsKey(k.getKey())) {
        throw new IllegalArgumentException(
            "Policy: breakGlass names unknown recipient kind " + k.getKey());
      }
      Map<String, Access> levels = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> lt = k.getValue().fields(); lt.hasNext(); ) {
        Map.Entry<String, JsonNode> l = lt.next();
        Access level = Access.valueOf(l.getValue().asText());
        if (!CONTENT_CLASSES.contains(l.getKey()) || level == Access.CONSENT) {
          // an emergency has no consent to resolve CONSENT by; a level must be definite
          throw new IllegalArgumentException(
              "Policy: breakGlass."
                  + k.getKey()
                  + "."
                  + l.getKey()
                  + " must be a class S1-S7 at FULL, SUMMARY or NONE");
        }
        levels.put(l.getKey(), level);
      }
      perKind.put(k.getKey(), levels);
    }
    if (!perKind.isEmpty() && reasons.isEmpty()) {
      throw new IllegalArgumentException("Policy: breakGlass lists recipients but no reasons");
    }
    return new BreakGlass(Set.copyOf(reasons), Map.copyOf(perKind));
  }

  private static Map<SubjectCategory, Access> levels(JsonNode node, String where) {
    Map<SubjectCategory, Access> m = new EnumMap<>(SubjectCategory.class);
    if (node.isMissingNode() || node.isNull()) {
      throw new IllegalArgumentException("Policy: no level for " + where);
    }
    if (node.isTextual()) {
      for (SubjectCategory s : SubjectCategory.values()) {
        m.put(s, Access.valueOf(node.asText()));
      }
      return m;
    }
    Access dflt = Access.valueOf(node.path("default").asText("NONE"));
    for (SubjectCategory s : SubjectCategory.values()) {
      m.put(s, node.has(s.name()) ? Access.valueOf(node.get(s.name()).asText()) : dflt);
    }
    return m;
  }

  private static Set<String> strings(JsonNode arr) {
    Set<String> s = new HashSet<>();
    arr.forEach(n -> s.add(n.asText()));
    return s;
  }

  public String version() {
    return version;
  }

  /** The matrix row for an agency type, if the policy has one. */
  public Optional<RecipientKind> kindFor(String agencyType) {
    return kinds.values().stream().filter(k -> k.agencyTypes().contains(agencyType)).findFirst();
  }

  /** A country's tightening of one class for one recipient kind, if any. */
  public Optional<Access> countryLevel(String country, String kind, String cls) {
    return Optional.ofNullable(countries.get(country)).map(m -> m.get(kind)).map(m -> m.get(cls));
  }

  public Set<String> victimSideTypes() {
    return victimSideTypes;
  }

  public Set<String> defenceDisclosureTypes() {
    return defenceDisclosureTypes;
  }

  public String defenceDisclosureFlag() {
    return defenceDisclosureFlag;
  }

  public BreakGlass breakGlass() {
    return breakGlass;
  }

  public List<String> kindNames() {
    return new ArrayList<>(kinds.keySet());
  }
}

package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.contract.CodeLists;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractSchemas;
import eu.focus.contract.SchemaNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The Focus code systems and value sets, derived from the contract itself so that they can never
 * drift from it: one per code list ({@code codelists/<id>.json}) and one per fixed enum of the
 * schemas (finding domains, risk levels, ...). Codes of a list that belong to a real external
 * system (HL7 v3 RoleCode, ActReason, ActCode; ISO 3166 countries; BCP-47 languages) keep that
 * system; only local codes get a Focus code system.
 */
public final class FocusTerminology {

  /** The fixed enums of the schemas that the FHIR form uses as codes: id → where the enum is. */
  private static final Map<String, EnumSource> ENUMS = new LinkedHashMap<>();

  static {
    record("age-status", "/child/ageStatus");
    record("birth-date-precision", "/child/birthDate/precision");
    record("proceeding-type", "/case/proceedingType");
    record("deprivation-status", "/case/deprivationOfLiberty/status");
    record("ecris-completion", "/case/offences/0/ecrisCompletion");
    record("ecris-participation", "/case/offences/0/ecrisParticipation");
    record("assessment-status", "/assessment/status");
    record("legal-framework", "/assessment/legalFramework");
    record("assessment-trigger", "/assessment/trigger");
    record("finding-domain", "/assessment/findings/0/domain");
    record("finding-basis", "/assessment/findings/0/basis");
    record("finding-source", "/assessment/findings/0/source");
    record("risk-level", "/assessment/protectionNeeds/risks/intimidation");
    record("protection-need", "/assessment/protectionNeeds/needs/0");
    record("measure-status", "/assessment/recommendedMeasures/0/status");
    record("rj-suitability", "/assessment/restorativeJustice/suitability");
    record("rj-party", "/assessment/restorativeJustice/consentPerParty/0/party");
    record("rj-outcome", "/assessment/restorativeJustice/outcome");
    record("how-heard", "/assessment/childViews/howHeard");
    record("child-agrees", "/assessment/childViews/childAgrees");
    record("assessor-role", "/assessors/0/role");
    record("completeness", "/provenance/completeness");
    record("change-reason", "/versioning/changeReason");
    ENUMS.put(
        "consent-evidence-type", new EnumSource(ContractDocument.CONSENT, "/evidence/type", null));
    ENUMS.put(
        "sensitivity-class",
        new EnumSource(ContractDocument.DELIVERY_MESSAGE, "/withheldClasses/0", null));
    ENUMS.put(
        "revocation-reason",
        new EnumSource(ContractDocument.DELIVERY_MESSAGE, "/revocation/reason", null));
    ENUMS.put(
        "message-event", new EnumSource(ContractDocument.DELIVERY_MESSAGE, "/kind", "SUBMISSION"));
  }

  /** The event code of a submission; a delivery's event is its {@code kind}. */
  public static final String SUBMISSION = "SUBMISSION";

  /**
   * Codes of the FHIR form itself, named after the contract members they stand for: the components
   * of the protection-needs observation and of a finding, provenance agent roles.
   */
  public static final String CONTRACT_ELEMENT = "contract-element";

  static final List<String> CONTRACT_ELEMENTS =
      List.of(
          "protectionNeeds",
          "secondaryVictimisation",
          "repeatVictimisation",
          "intimidation",
          "retaliation",
          "needs",
          "detail",
          "strengths",
          "authoringSystem",
          "translator");

  private record EnumSource(ContractDocument document, String pointer, String extraCode) {}

  private static void record(String id, String pointer) {
    ENUMS.put(id, new EnumSource(ContractDocument.RECORD, pointer, null));
  }

  private final CodeLists codeLists;
  private final Map<String, List<String>> enumCodes = new LinkedHashMap<>();

  public FocusTerminology(CodeLists codeLists, ContractSchemas schemas) {
    this.codeLists = codeLists;
    ENUMS.forEach(
        (id, source) -> {
          SchemaNode node =
              schemas
                  .root(source.document())
                  .find(source.pointer())
                  .orElseThrow(() -> new IllegalStateException("no schema at " + source));
          List<String> codes = new ArrayList<>();
          if (source.extraCode() != null) {
            codes.add(source.extraCode());
          }
          node.raw().path("enum").forEach(code -> codes.add(code.asText()));
          if (codes.isEmpty()) {
            throw new IllegalStateException("no enum at " + source);
          }
          enumCodes.put(id, List.copyOf(codes));
        });
    enumCodes.put(CONTRACT_ELEMENT, CONTRACT_ELEMENTS);
  }

  /** Loads the code lists and schemas from the classpath. */
  public static FocusTerminology load() {
    return new FocusTerminology(CodeLists.load(), ContractSchemas.load());
  }

  public CodeLists codeLists() {
    return codeLists;
  }

  /** Whether {@code id} names a schema enum (rather than a code list). */
  public boolean isEnum(String id) {
    return enumCodes.containsKey(id);
  }

  /** The codes of a schema enum. */
  public List<String> enumCodes(String id) {
    List<String> codes = enumCodes.get(id);
    if (codes == null) {
      throw new IllegalArgumentException("unknown enum '" + id + "'");
    }
    return codes;
  }

  /**
   * The system a code of a code list is written in: the real external system where the list names
   * one, otherwise the Focus code system of the list.
   */
  public String system(String listId, String code) {
    switch (listId) {
      case "language":
        return FhirNames.BCP47;
      case "country":
        return FhirNames.ISO3166;
      default:
        break;
    }
    if (isEnum(listId)) {
      return FhirNames.cs(listId);
    }
    Optional<JsonNode> entry = codeLists.entry(listId, code);
    String system = entry.map(e -> e.path("system").asText("")).orElse("");
    return system.isEmpty() || FhirNames.LOCAL_CODES.equals(system) ? FhirNames.cs(listId) : system;
  }

  /** A coding of a code of a code list or enum, in the system {@link #system} names. */
  public Coding coding(String listId, String code) {
    return new Coding().setSystem(system(listId, code)).setCode(code);
  }

  /** Whether a code belongs to a code list or enum (code lists: after aliases and case rules). */
  public boolean contains(String listId, String code) {
    if (code == null) {
      return false;
    }
    return isEnum(listId) ? enumCodes.get(listId).contains(code) : codeLists.contains(listId, code);
  }

  /** Every derived code system: one per code list with local codes, one per enum. */
  public List<CodeSystem> codeSystems() {
    List<CodeSystem> result = new ArrayList<>();
    for (String listId : codeLists.listIds()) {
      List<JsonNode> local = new ArrayList<>();
      for (String code : codeLists.codes(listId)) {
        if (system(listId, code).equals(FhirNames.cs(listId))) {
          local.add(codeLists.entry(listId, code).orElseThrow());
        }
      }
      if (local.isEmpty()) {
        continue;
      }
      JsonNode doc = codeLists.document(listId);
      CodeSystem cs = codeSystem(listId, doc.path("title").asText(listId));
      cs.setDescription(doc.path("source").asText(null));
      // ICCS lists only level 1; finer levels (0301, 03012) are valid codes beyond the list.
      cs.setContent(
          doc.path("prefixLength").asInt(0) > 0
              ? CodeSystem.CodeSystemContentMode.FRAGMENT
              : CodeSystem.CodeSystemContentMode.COMPLETE);
      for (JsonNode entry : local) {
        cs.addConcept()
            .setCode(entry.path("code").asText())
            .setDisplay(entry.path("display").asText(null));
      }
      result.add(cs);
    }
    enumCodes.forEach(
        (id, codes) -> {
          CodeSystem cs = codeSystem(id, "Focus contract v1: " + id);
          cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
          codes.forEach(code -> cs.addConcept().setCode(code).setDisplay(code));
          result.add(cs);
        });
    return result;
  }

  /**
   * The BCP-47 tags of the contract's language list as a fragment of {@code urn:ietf:bcp:47}.
   * HAPI's offline BCP-47 support knows only the common languages and no script subtags, so without
   * this a Romanian ({@code ro}) or Serbian Latin ({@code sr-Latn}) child would fail validation; a
   * fragment lets other valid tags through as warnings.
   */
  public CodeSystem languageFragment() {
    CodeSystem cs = new CodeSystem();
    cs.setId("focus-bcp47-fragment");
    cs.setUrl(FhirNames.BCP47);
    cs.setName("FocusLanguages");
    cs.setTitle("BCP-47 tags used by Focus contract v1 (fragment)");
    cs.setStatus(PublicationStatus.ACTIVE);
    cs.setCaseSensitive(false);
    cs.setContent(CodeSystem.CodeSystemContentMode.FRAGMENT);
    for (String code : codeLists.codes("language")) {
      cs.addConcept()
          .setCode(code)
          .setDisplay(codeLists.entry("language", code).orElseThrow().path("display").asText());
    }
    return cs;
  }

  /** Every derived value set: one per code list and per enum, with the same id. */
  public List<ValueSet> valueSets() {
    List<ValueSet> result = new ArrayList<>();
    for (String listId : codeLists.listIds()) {
      ValueSet vs = valueSet(listId);
      Map<String, ValueSet.ConceptSetComponent> bySystem = new LinkedHashMap<>();
      for (String code : codeLists.codes(listId)) {
        String system = system(listId, code);
        ValueSet.ConceptSetComponent include =
            bySystem.computeIfAbsent(
                system, s -> vs.getCompose().addInclude().setSystem(s).setVersion(null));
        if (!system.equals(FhirNames.cs(listId))) {
          include.addConcept().setCode(code);
        }
      }
      result.add(vs);
    }
    for (String id : enumCodes.keySet()) {
      ValueSet vs = valueSet(id);
      vs.getCompose().addInclude().setSystem(FhirNames.cs(id));
      result.add(vs);
    }
    return result;
  }

  private static CodeSystem codeSystem(String id, String title) {
    CodeSystem cs = new CodeSystem();
    cs.setId(id);
    cs.setUrl(FhirNames.cs(id));
    cs.setVersion("1.0");
    cs.setName(name(id));
    cs.setTitle(title);
    cs.setStatus(PublicationStatus.ACTIVE);
    cs.setCaseSensitive(true);
    cs.setValueSet(FhirNames.vs(id));
    return cs;
  }

  private static ValueSet valueSet(String id) {
    ValueSet vs = new ValueSet();
    vs.setId(id);
    vs.setUrl(FhirNames.vs(id));
    vs.setVersion("1.0");
    vs.setName(name(id));
    vs.setStatus(PublicationStatus.ACTIVE);
    return vs;
  }

  private static String name(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }
}

package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * The record's identity and version, its provenance and its versioning as the {@code
 * FocusProvenance} Provenance, which targets every resource of the record: agents (authoring agency
 * as custodian, authoring system as assembler, author, verifier, translator), the source record as
 * entity, and Focus extensions for record version, versioning and data quality. The Provenance is
 * always there: the record id and version are routing data every recipient gets.
 */
final class RecordProvenance {

  private static final String CUSTODIAN = "custodian";
  private static final String ASSEMBLER = "assembler";
  private static final List<String> PEOPLE = List.of("author", "verifier", "translator");

  private RecordProvenance() {}

  static void write(JsonNode record, List<Reference> targets, BundleWriter w) {
    Provenance p = new Provenance();
    targets.forEach(target -> p.addTarget(target.copy()));
    Extension version = Ext.complex(p, "record-version");
    Ext.sub(version, "recordId", Values.string(Json.str(record, "recordId")));
    Ext.sub(version, "version", Values.integer(Json.integer(record, "version")));
    Ext.sub(version, "previousVersion", Values.integer(Json.integer(record, "previousVersion")));
    Ext.sub(version, "contractVersion", Values.string(Json.str(record, "contractVersion")));
    JsonNode prov = Json.obj(record, "provenance");
    if (prov != null) {
      String recorded = Json.str(prov, "recordedAt");
      if (recorded != null) {
        InstantType instant = new InstantType();
        instant.setValueAsString(recorded);
        p.setRecordedElement(instant);
      }
      String agency = Json.str(prov, "authoringAgency");
      if (agency != null) {
        p.addAgent().setType(agentType(CUSTODIAN, w)).setWho(w.agency(agency));
      }
      String system = Json.str(prov, "authoringSystem");
      if (system != null) {
        p.addAgent().setType(agentType(ASSEMBLER, w)).setWho(new Reference().setDisplay(system));
      }
      for (String person : PEOPLE) {
        JsonNode ref = Json.obj(prov, person);
        if (ref != null) {
          Provenance.ProvenanceAgentComponent agent = p.addAgent().setType(agentType(person, w));
          agent.setWho(new Reference().setDisplay(Json.str(ref, "name")));
          String function = Json.str(ref, "function");
          if (function != null) {
            agent.addRole().setText(function);
          }
          agent.setOnBehalfOf(w.agency(Json.str(ref, "agencyId")));
        }
      }
      String source = Json.str(prov, "sourceRecordId");
      if (source != null) {
        p.addEntity()
            .setRole(Provenance.ProvenanceEntityRole.SOURCE)
            .getWhat()
            .getIdentifier()
            .setSystem(FhirNames.SID_SOURCE_RECORD)
            .setValue(source);
      }
      Extension quality = Ext.complex(p, "data-quality");
      Ext.sub(quality, "mappingVersion", Values.string(Json.str(prov, "mappingVersion")));
      Ext.sub(quality, "completeness", Values.code(Json.str(prov, "completeness")));
      Ext.sub(quality, "accuracyNote", Values.text(Json.obj(prov, "accuracyNote")));
      if (!quality.hasExtension()) {
        p.getExtension().remove(quality);
      }
    }
    JsonNode versioning = Json.obj(record, "versioning");
    if (versioning != null) {
      Extension ext = Ext.complex(p, "versioning");
      JsonNode supersedes = Json.obj(versioning, "supersedes");
      if (supersedes != null) {
        Extension s = Ext.subComplex(ext, "supersedes");
        Ext.sub(s, "recordId", Values.string(Json.str(supersedes, "recordId")));
        Ext.sub(s, "version", Values.integer(Json.integer(supersedes, "version")));
      }
      Ext.sub(ext, "changeReason", Values.code(Json.str(versioning, "changeReason")));
      Ext.sub(ext, "changeNote", Values.text(Json.obj(versioning, "changeNote")));
      Ext.sub(
          ext,
          "notifyPriorRecipients",
          Values.bool(Json.bool(versioning, "notifyPriorRecipients")));
      Ext.sub(ext, "retentionUntil", Values.date(Json.str(versioning, "retentionUntil")));
    }
    w.add(p, "provenance", "FocusProvenance", "S0");
  }

  /** Provenance agent types are R4's own, except the translator, which R4 lacks. */
  private static CodeableConcept agentType(String type, BundleWriter w) {
    Coding coding =
        "translator".equals(type)
            ? w.terminology().coding(FocusTerminology.CONTRACT_ELEMENT, type)
            : new Coding(FhirNames.PROVENANCE_AGENT_TYPE, type, null);
    return new CodeableConcept(coding);
  }

  /** Reads record identity, provenance and versioning into {@code record}. */
  static void read(Provenance p, BundleReader r, Json.Obj record) {
    String at = r.location(p);
    Ext.first(p, "record-version")
        .ifPresent(
            v ->
                record
                    .put("recordId", Values.str(Ext.subValue(v, "recordId")))
                    .put("version", Values.integer(Ext.subValue(v, "version")))
                    .put("previousVersion", Values.integer(Ext.subValue(v, "previousVersion")))
                    .put("contractVersion", Values.str(Ext.subValue(v, "contractVersion"))));
    Json.Obj prov = Json.obj();
    prov.put("recordedAt", Values.str(p.getRecordedElement()));
    for (int i = 0; i < p.getAgent().size(); i++) {
      Provenance.ProvenanceAgentComponent agent = p.getAgent().get(i);
      String where = at + ".agent[" + i + "]";
      Coding type = agent.getType().getCodingFirstRep();
      String code = type.getCode();
      boolean focus = FhirNames.cs(FocusTerminology.CONTRACT_ELEMENT).equals(type.getSystem());
      boolean core = FhirNames.PROVENANCE_AGENT_TYPE.equals(type.getSystem());
      if (core && CUSTODIAN.equals(code)) {
        prov.put("authoringAgency", r.agencyId(agent.getWho(), where + ".who"));
      } else if (core && ASSEMBLER.equals(code)) {
        prov.put("authoringSystem", agent.getWho().getDisplay());
      } else if ((core && PEOPLE.contains(code) && !"translator".equals(code))
          || (focus && "translator".equals(code))) {
        prov.set(
            code,
            Json.obj()
                .put("name", agent.getWho().getDisplay())
                .put("function", agent.hasRole() ? agent.getRoleFirstRep().getText() : null)
                .put(
                    "agencyId",
                    agent.hasOnBehalfOf()
                        ? r.agencyId(agent.getOnBehalfOf(), where + ".onBehalfOf")
                        : null));
      } else {
        r.problems().add(where + ".type", "unknown agent type '" + code + "'");
      }
    }
    for (Provenance.ProvenanceEntityComponent entity : p.getEntity()) {
      if (FhirNames.SID_SOURCE_RECORD.equals(entity.getWhat().getIdentifier().getSystem())) {
        prov.put("sourceRecordId", entity.getWhat().getIdentifier().getValue());
      }
    }
    Ext.first(p, "data-quality")
        .ifPresent(
            q -> {
              String where = at + ".extension('data-quality')";
              prov.put("mappingVersion", Values.str(Ext.subValue(q, "mappingVersion")));
              prov.put(
                  "completeness",
                  r.code(
                      "completeness",
                      Ext.subValue(q, "completeness"),
                      where + ".extension('completeness')"));
              prov.set(
                  "accuracyNote",
                  Values.text(
                      Ext.subValue(q, "accuracyNote"),
                      where + ".extension('accuracyNote')",
                      r.problems()));
            });
    record.set("provenance", prov);
    Ext.first(p, "versioning")
        .ifPresent(
            v -> {
              String where = at + ".extension('versioning')";
              Json.Obj versioning = Json.obj();
              Ext.subs(v, "supersedes").stream()
                  .findFirst()
                  .ifPresent(
                      s ->
                          versioning.set(
                              "supersedes",
                              Json.obj()
                                  .put("recordId", Values.str(Ext.subValue(s, "recordId")))
                                  .put("version", Values.integer(Ext.subValue(s, "version")))));
              versioning.put(
                  "changeReason",
                  r.code(
                      "change-reason",
                      Ext.subValue(v, "changeReason"),
                      where + ".extension('changeReason')"));
              versioning.set(
                  "changeNote",
                  Values.text(
                      Ext.subValue(v, "changeNote"),
                      where + ".extension('changeNote')",
                      r.problems()));
              versioning.put(
                  "notifyPriorRecipients", Values.bool(Ext.subValue(v, "notifyPriorRecipients")));
              versioning.put("retentionUntil", Values.str(Ext.subValue(v, "retentionUntil")));
              record.set("versioning", versioning);
            });
  }
}

package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.ClinicalImpression.ClinicalImpressionStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * The assessment ({@code record.assessment}) as the {@code FocusAssessment} ClinicalImpression,
 * with its findings (Observations), protection needs (Observation) and measures (CarePlan). The
 * contract's exact status is kept in {@code statusReason}, {@code status} being its nearest FHIR
 * value; the members FHIR has no place for (trigger, derogation, multidisciplinary team,
 * restorative justice, the child's views) are Focus extensions. The case travels here too ({@link
 * CaseExtension}); when only the case is visible to a recipient, the ClinicalImpression carries
 * just the case and the status {@code completed}.
 */
final class AssessmentImpression {

  private AssessmentImpression() {}

  static Reference write(JsonNode a, JsonNode c, Reference child, BundleWriter w) {
    if (a == null && c == null) {
      return null;
    }
    FocusTerminology t = w.terminology();
    ClinicalImpression ci = new ClinicalImpression();
    ci.setSubject(child);
    ci.setStatus(ClinicalImpressionStatus.COMPLETED);
    List<String> classes = new ArrayList<>();
    if (a != null) {
      classes.add("S2");
      if (Json.obj(a, "childViews") != null) {
        classes.add("S6");
      }
      if (Json.obj(a, "restorativeJustice") != null) {
        classes.add("S7");
      }
    }
    if (c != null) {
      classes.add("S3");
    }
    Reference ref = w.add(ci, "assessment", "FocusAssessment", classes.toArray(String[]::new));
    if (a != null) {
      String id = Json.str(a, "assessmentId");
      if (id != null) {
        ci.addIdentifier().setSystem(FhirNames.SID_ASSESSMENT).setValue(id);
      }
      String status = Json.str(a, "status");
      if (status != null) {
        ci.setStatus(fhirStatus(status));
        ci.setStatusReason(new CodeableConcept(t.coding("assessment-status", status)));
      }
      String framework = Json.str(a, "legalFramework");
      if (framework != null) {
        ci.setCode(new CodeableConcept(t.coding("legal-framework", framework)));
      }
      String started = Json.str(a, "startedAt");
      String completed = Json.str(a, "completedAt");
      if (started != null || completed != null) {
        Period period = new Period();
        period.setStartElement(Values.dateTime(started));
        period.setEndElement(Values.dateTime(completed));
        ci.setEffective(period);
      }
      Ext.add(ci, "assessment-trigger", Values.code(Json.str(a, "trigger")));
      Ext.add(ci, "stage-at-assessment", Values.code(Json.str(a, "stageAtAssessment")));
      writeDerogation(Json.obj(a, "derogation"), ci, w);
      writeTeam(Json.obj(a, "multidisciplinaryTeam"), ci, w);
      int i = 0;
      for (JsonNode finding : Json.arr(a, "findings")) {
        ci.addFinding().setItemReference(FindingObservation.write(finding, i++, child, w));
      }
      JsonNode needs = Json.obj(a, "protectionNeeds");
      if (needs != null) {
        ci.addSupportingInfo(ProtectionNeedsObservation.write(needs, child, w));
      }
      JsonNode measures = a.get("recommendedMeasures");
      if (measures != null && measures.isArray() && !measures.isEmpty()) {
        ci.addSupportingInfo(MeasuresCarePlan.write(measures, child, w));
      }
      writeRestorativeJustice(Json.obj(a, "restorativeJustice"), ci);
      writeChildViews(Json.obj(a, "childViews"), ci);
    }
    CaseExtension.write(c, ci, w);
    return ref;
  }

  private static ClinicalImpressionStatus fhirStatus(String status) {
    return switch (status) {
      case "draft" -> ClinicalImpressionStatus.INPROGRESS;
      case "entered-in-error" -> ClinicalImpressionStatus.ENTEREDINERROR;
      default -> ClinicalImpressionStatus.COMPLETED;
    };
  }

  private static void writeDerogation(JsonNode d, ClinicalImpression ci, BundleWriter w) {
    if (d != null) {
      Extension ext = Ext.complex(ci, "derogation");
      Ext.sub(ext, "applied", Values.bool(Json.bool(d, "applied")));
      Ext.sub(ext, "reason", Values.text(Json.obj(d, "reason")));
      Ext.sub(ext, "decidedBy", w.agency(Json.str(d, "decidedBy")));
      Ext.sub(ext, "date", Values.date(Json.str(d, "date")));
    }
  }

  private static void writeTeam(JsonNode m, ClinicalImpression ci, BundleWriter w) {
    if (m != null) {
      Extension ext = Ext.complex(ci, "multidisciplinary-team");
      Ext.sub(ext, "convened", Values.bool(Json.bool(m, "convened")));
      for (JsonNode discipline : Json.arr(m, "disciplines")) {
        Ext.sub(ext, "discipline", Values.code(discipline.asText()));
      }
      Ext.sub(ext, "coordinatingAgency", w.agency(Json.str(m, "coordinatingAgency")));
    }
  }

  private static final List<String> SAFEGUARDS =
      List.of(
          "inChildsInterest",
          "freeAndInformedConsent",
          "childFriendlyInformationGiven",
          "offenderAcknowledgedFacts",
          "confidentialityExplained",
          "trainedFacilitator");

  private static void writeRestorativeJustice(JsonNode rj, ClinicalImpression ci) {
    if (rj != null) {
      Extension ext = Ext.complex(ci, "restorative-justice");
      Ext.sub(ext, "suitability", Values.code(Json.str(rj, "suitability")));
      JsonNode safeguards = Json.obj(rj, "safeguards");
      for (String safeguard : SAFEGUARDS) {
        Ext.sub(ext, safeguard, Values.bool(Json.bool(safeguards, safeguard)));
      }
      for (JsonNode party : Json.arr(rj, "consentPerParty")) {
        Extension p = Ext.subComplex(ext, "consentPerParty");
        Ext.sub(p, "party", Values.code(Json.str(party, "party")));
        Ext.sub(p, "consentGiven", Values.bool(Json.bool(party, "consentGiven")));
        Ext.sub(p, "date", Values.date(Json.str(party, "date")));
      }
      Ext.sub(ext, "outcome", Values.code(Json.str(rj, "outcome")));
      Ext.sub(ext, "notes", Values.text(Json.obj(rj, "notes")));
    }
  }

  private static final List<String> VIEW_TEXTS =
      List.of("notHeardReason", "viewsSummary", "viewsText", "wishesOnMeasures");

  private static void writeChildViews(JsonNode v, ClinicalImpression ci) {
    if (v != null) {
      Extension ext = Ext.complex(ci, "child-views");
      Ext.sub(ext, "howHeard", Values.code(Json.str(v, "howHeard")));
      for (String text : VIEW_TEXTS) {
        Ext.sub(ext, text, Values.text(Json.obj(v, text)));
      }
      Ext.sub(ext, "childAgrees", Values.code(Json.str(v, "childAgrees")));
      Ext.sub(ext, "feedbackGiven", Values.bool(Json.bool(v, "feedbackGiven")));
    }
  }

  /**
   * The assessment, or null when the ClinicalImpression carries none of it. With {@code complete},
   * an assessment without findings gets {@code findings: []} (the member is required in a full
   * record; a minimised one drops empty arrays).
   */
  static ObjectNode read(ClinicalImpression ci, BundleReader r, boolean complete) {
    String at = r.location(ci);
    Json.Obj a = Json.obj();
    a.put("assessmentId", BundleReader.identifier(ci.getIdentifier(), FhirNames.SID_ASSESSMENT));
    for (Identifier id : ci.getIdentifier()) {
      if (!FhirNames.SID_ASSESSMENT.equals(id.getSystem())) {
        r.problems().add(at + ".identifier", "unknown identifier system '" + id.getSystem() + "'");
      }
    }
    a.put("status", r.code("assessment-status", ci.getStatusReason(), at + ".statusReason"));
    a.put("legalFramework", r.code("legal-framework", ci.getCode(), at + ".code"));
    if (ci.hasEffectivePeriod()) {
      a.put("startedAt", Values.str(ci.getEffectivePeriod().getStartElement()));
      a.put("completedAt", Values.str(ci.getEffectivePeriod().getEndElement()));
    }
    a.put(
        "trigger",
        r.code(
            "assessment-trigger",
            Ext.value(ci, "assessment-trigger"),
            at + ".extension('assessment-trigger')"));
    a.put(
        "stageAtAssessment",
        r.code(
            "stage",
            Ext.value(ci, "stage-at-assessment"),
            at + ".extension('stage-at-assessment')"));
    Ext.first(ci, "derogation")
        .ifPresent(
            ext -> {
              String where = at + ".extension('derogation')";
              a.set(
                  "derogation",
                  Json.obj()
                      .put("applied", Values.bool(Ext.subValue(ext, "applied")))
                      .set(
                          "reason",
                          Values.text(
                              Ext.subValue(ext, "reason"),
                              where + ".extension('reason')",
                              r.problems()))
                      .put("decidedBy", agency(ext, "decidedBy", r, where))
                      .put("date", Values.str(Ext.subValue(ext, "date"))));
            });
    Ext.first(ci, "multidisciplinary-team")
        .ifPresent(
            ext -> {
              String where = at + ".extension('multidisciplinary-team')";
              ArrayNode disciplines = Json.array();
              for (Extension d : Ext.subs(ext, "discipline")) {
                String code =
                    r.code("assessor-profession", d.getValue(), where + ".extension('discipline')");
                Json.add(disciplines, code == null ? null : TextNode.valueOf(code));
              }
              a.set(
                  "multidisciplinaryTeam",
                  Json.obj()
                      .put("convened", Values.bool(Ext.subValue(ext, "convened")))
                      .set("disciplines", disciplines)
                      .put("coordinatingAgency", agency(ext, "coordinatingAgency", r, where)));
            });
    ArrayNode findings = Json.array();
    for (int i = 0; i < ci.getFinding().size(); i++) {
      Observation o =
          r.resolve(
              ci.getFinding().get(i).getItemReference(),
              Observation.class,
              at + ".finding[" + i + "].itemReference");
      if (o != null) {
        Json.add(findings, FindingObservation.read(o, r));
      }
    }
    if (!findings.isEmpty()) {
      a.set("findings", findings);
    }
    r.all(Observation.class).stream()
        .filter(ProtectionNeedsObservation::is)
        .findFirst()
        .ifPresent(o -> a.set("protectionNeeds", ProtectionNeedsObservation.read(o, r)));
    CarePlan plan = r.one(CarePlan.class, false, "the recommended measures");
    if (plan != null) {
      a.set("recommendedMeasures", MeasuresCarePlan.read(plan, r));
    }
    Ext.first(ci, "restorative-justice")
        .ifPresent(ext -> a.set("restorativeJustice", rj(ext, r, at)));
    Ext.first(ci, "child-views").ifPresent(ext -> a.set("childViews", views(ext, r, at)));
    ObjectNode result = a.node();
    if (result != null && complete && !result.has("findings")) {
      result.set("findings", Json.array());
    }
    return result;
  }

  private static ObjectNode rj(Extension ext, BundleReader r, String at) {
    String where = at + ".extension('restorative-justice')";
    Json.Obj rj = Json.obj();
    rj.put(
        "suitability",
        r.code(
            "rj-suitability",
            Ext.subValue(ext, "suitability"),
            where + ".extension('suitability')"));
    Json.Obj safeguards = Json.obj();
    for (String safeguard : SAFEGUARDS) {
      safeguards.put(safeguard, Values.bool(Ext.subValue(ext, safeguard)));
    }
    rj.set("safeguards", safeguards);
    ArrayNode parties = Json.array();
    for (Extension p : Ext.subs(ext, "consentPerParty")) {
      Json.add(
          parties,
          Json.obj()
              .put(
                  "party",
                  r.code(
                      "rj-party",
                      Ext.subValue(p, "party"),
                      where + ".extension('consentPerParty').extension('party')"))
              .put("consentGiven", Values.bool(Ext.subValue(p, "consentGiven")))
              .put("date", Values.str(Ext.subValue(p, "date")))
              .node());
    }
    rj.set("consentPerParty", parties);
    rj.put(
        "outcome",
        r.code("rj-outcome", Ext.subValue(ext, "outcome"), where + ".extension('outcome')"));
    rj.set(
        "notes",
        Values.text(Ext.subValue(ext, "notes"), where + ".extension('notes')", r.problems()));
    return rj.node();
  }

  private static ObjectNode views(Extension ext, BundleReader r, String at) {
    String where = at + ".extension('child-views')";
    Json.Obj v = Json.obj();
    v.put(
        "howHeard",
        r.code("how-heard", Ext.subValue(ext, "howHeard"), where + ".extension('howHeard')"));
    for (String text : VIEW_TEXTS) {
      v.set(
          text,
          Values.text(Ext.subValue(ext, text), where + ".extension('" + text + "')", r.problems()));
    }
    v.put(
        "childAgrees",
        r.code(
            "child-agrees", Ext.subValue(ext, "childAgrees"), where + ".extension('childAgrees')"));
    v.put("feedbackGiven", Values.bool(Ext.subValue(ext, "feedbackGiven")));
    return v.node();
  }

  private static String agency(Extension parent, String name, BundleReader r, String at) {
    return Ext.subValue(parent, name) instanceof Reference ref
        ? r.agencyId(ref, at + ".extension('" + name + "')")
        : null;
  }
}

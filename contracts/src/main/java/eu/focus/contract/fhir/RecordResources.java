package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * An assessment record as the resources of a Bundle, and back. Which resource carries which member
 * is told by the classes named here; this one only puts them together.
 */
final class RecordResources {

  private RecordResources() {}

  /** Writes the record's resources; returns the references a MessageHeader should focus on. */
  static List<Reference> write(JsonNode record, BundleWriter w) {
    List<Reference> all = new ArrayList<>();
    Reference child = ChildPatient.write(Json.obj(record, "child"), w);
    all.add(child);
    int g = 0;
    for (JsonNode guardian : Json.arr(record, "guardians")) {
      GuardianRelatedPerson.write(guardian, g++, child, w);
    }
    Reference assessment =
        AssessmentImpression.write(
            Json.obj(record, "assessment"), Json.obj(record, "case"), child, w);
    if (assessment != null) {
      all.add(0, assessment);
    }
    int a = 0;
    List<Reference> assessors = new ArrayList<>();
    for (JsonNode assessor : Json.arr(record, "assessors")) {
      assessors.add(AssessorRole.write(assessor, a++, w));
    }
    if (assessment != null && !assessors.isEmpty()) {
      ((ClinicalImpression)
              w.bundle().getEntry().stream()
                  .filter(e -> e.getResource() instanceof ClinicalImpression)
                  .findFirst()
                  .orElseThrow()
                  .getResource())
          .setAssessor(assessors.get(0).copy());
    }
    RecordProvenance.write(record, all, w);
    return all;
  }

  /**
   * Reads a record. With {@code complete} (a submission), required arrays that FHIR leaves without
   * entries come back empty ({@code guardians: []}) rather than absent.
   */
  static ObjectNode read(BundleReader r, boolean complete) {
    Json.Obj record = Json.obj();
    Provenance provenance = r.one(Provenance.class, true, "record id, version and provenance");
    if (provenance != null) {
      RecordProvenance.read(provenance, r, record);
    }
    Patient patient = r.one(Patient.class, true, "the child");
    if (patient != null) {
      record.set("child", ChildPatient.read(patient, r));
    }
    ArrayNode guardians = Json.array();
    for (RelatedPerson rp : r.all(RelatedPerson.class)) {
      Json.add(guardians, GuardianRelatedPerson.read(rp, r));
    }
    record.set("guardians", guardians);
    ClinicalImpression ci = r.one(ClinicalImpression.class, false, "the assessment");
    if (ci != null) {
      record.set("case", CaseExtension.read(ci, r));
      record.set("assessment", AssessmentImpression.read(ci, r, complete));
    }
    ArrayNode assessors = Json.array();
    for (PractitionerRole role : r.all(PractitionerRole.class)) {
      Json.add(assessors, AssessorRole.read(role, r));
    }
    record.set("assessors", assessors);
    ObjectNode result = record.node();
    if (result == null) {
      result = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    if (complete && !result.has("guardians")) {
      result.set("guardians", Json.array());
    }
    return result;
  }
}

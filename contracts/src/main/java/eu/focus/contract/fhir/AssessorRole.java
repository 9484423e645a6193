package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * An assessor ({@code record.assessors[i]}) as a {@code FocusAssessor} PractitionerRole: role in
 * the assessment, profession and agency type as codes, the agency as organization (its display the
 * assessor's own organisation unit), name and qualification on a Practitioner. Assessors keep their
 * contract order as Bundle order.
 */
final class AssessorRole {

  private AssessorRole() {}

  static Reference write(JsonNode a, int index, BundleWriter w) {
    FocusTerminology t = w.terminology();
    PractitionerRole role = new PractitionerRole();
    String name = Json.str(a, "name");
    String qualification = Json.str(a, "qualification");
    addCode(role, t, "assessor-role", Json.str(a, "role"));
    addCode(role, t, "assessor-profession", Json.str(a, "profession"));
    addCode(role, t, "agency-type", Json.str(a, "agencyType"));
    String agencyId = Json.str(a, "agencyId");
    String organisation = Json.str(a, "organisation");
    if (agencyId != null || organisation != null) {
      Reference org = agencyId != null ? w.agency(agencyId) : new Reference();
      role.setOrganization(org.setDisplay(organisation));
    }
    Reference ref = w.add(role, "assessor/" + index, "FocusAssessor", "S0");
    if (name != null || qualification != null) {
      Practitioner p = new Practitioner();
      if (name != null) {
        p.addName().setText(name);
      }
      if (qualification != null) {
        p.addQualification().getCode().setText(qualification);
      }
      role.setPractitioner(w.add(p, "assessor/" + index + "/person", null, "S0"));
    }
    return ref;
  }

  private static void addCode(PractitionerRole role, FocusTerminology t, String list, String code) {
    if (code != null) {
      role.addCode(new CodeableConcept(t.coding(list, code)));
    }
  }

  static ObjectNode read(PractitionerRole role, BundleReader r) {
    String at = r.location(role);
    Json.Obj a = Json.obj();
    for (int i = 0; i < role.getCode().size(); i++) {
      Coding coding = role.getCode().get(i).getCodingFirstRep();
      String where = at + ".code[" + i + "]";
      if (FhirNames.cs("assessor-role").equals(coding.getSystem())) {
        a.put("role", r.code("assessor-role", coding, where));
      } else if (FhirNames.cs("assessor-profession").equals(coding.getSystem())) {
        a.put("profession", r.code("assessor-profession", coding, where));
      } else if (FhirNames.cs("agency-type").equals(coding.getSystem())) {
        a.put("agencyType", r.code("agency-type", coding, where));
      } else {
        r.problems().add(where, "unknown code system '" + coding.getSystem() + "'");
      }
    }
    Practitioner p = r.resolve(role.getPractitioner(), Practitioner.class, at + ".practitioner");
    if (p != null) {
      a.put("name", p.hasName() ? p.getNameFirstRep().getText() : null);
      a.put(
          "qualification",
          p.hasQualification() ? p.getQualificationFirstRep().getCode().getText() : null);
    }
    if (role.hasOrganization()) {
      a.put("organisation", role.getOrganization().getDisplay());
      a.put("agencyId", r.agencyId(role.getOrganization(), at + ".organization"));
    }
    return a.node();
  }
}

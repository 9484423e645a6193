package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * A guardian or representative ({@code record.guardians[i]}) as a {@code FocusGuardian}
 * RelatedPerson of the child; the guardians keep their contract order as Bundle order.
 */
final class GuardianRelatedPerson {

  private GuardianRelatedPerson() {}

  static void write(JsonNode g, int index, Reference child, BundleWriter w) {
    RelatedPerson rp = new RelatedPerson();
    rp.setPatient(child);
    String guardianId = Json.str(g, "guardianId");
    if (guardianId != null) {
      rp.addIdentifier().setSystem(FhirNames.SID_GUARDIAN).setValue(guardianId);
    }
    String role = Json.str(g, "role");
    if (role != null) {
      rp.addRelationship(new CodeableConcept(w.terminology().coding("guardian-role", role)));
    }
    Ext.add(
        rp, "parental-responsibility", Values.bool(Json.bool(g, "holdsParentalResponsibility")));
    JsonNode conflict = Json.obj(g, "conflictOfInterest");
    if (conflict != null) {
      Extension ext = Ext.complex(rp, "conflict-of-interest");
      Ext.sub(ext, "flag", Values.bool(Json.bool(conflict, "flag")));
      Ext.sub(ext, "reason", Values.text(Json.obj(conflict, "reason")));
    }
    if (Json.obj(g, "name") != null) {
      ChildPatient.PersonNames.write(Json.obj(g, "name"), rp.addName());
    }
    JsonNode contact = Json.obj(g, "contact");
    if (contact != null) {
      String phone = Json.str(contact, "phone");
      if (phone != null) {
        rp.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
      }
      String email = Json.str(contact, "email");
      if (email != null) {
        rp.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email);
      }
      if (Json.obj(contact, "address") != null) {
        ChildPatient.Addresses.write(Json.obj(contact, "address"), rp.addAddress());
      }
    }
    w.add(rp, "guardian/" + index, "FocusGuardian", "S4");
  }

  static ObjectNode read(RelatedPerson rp, BundleReader r) {
    String at = r.location(rp);
    Json.Obj g = Json.obj();
    g.put("guardianId", BundleReader.identifier(rp.getIdentifier(), FhirNames.SID_GUARDIAN));
    if (rp.hasRelationship()) {
      g.put("role", r.code("guardian-role", rp.getRelationshipFirstRep(), at + ".relationship[0]"));
    }
    g.put("holdsParentalResponsibility", Values.bool(Ext.value(rp, "parental-responsibility")));
    Ext.first(rp, "conflict-of-interest")
        .ifPresent(
            ext ->
                g.set(
                    "conflictOfInterest",
                    Json.obj()
                        .put("flag", Values.bool(Ext.subValue(ext, "flag")))
                        .set(
                            "reason",
                            Values.text(
                                Ext.subValue(ext, "reason"),
                                at + ".extension('conflict-of-interest').extension('reason')",
                                r.problems()))));
    if (rp.hasName()) {
      g.set("name", ChildPatient.PersonNames.read(rp.getNameFirstRep()));
    }
    Json.Obj contact = Json.obj();
    for (ContactPoint telecom : rp.getTelecom()) {
      if (telecom.getSystem() == ContactPoint.ContactPointSystem.PHONE) {
        contact.put("phone", telecom.getValue());
      } else if (telecom.getSystem() == ContactPoint.ContactPointSystem.EMAIL) {
        contact.put("email", telecom.getValue());
      }
    }
    if (rp.hasAddress()) {
      contact.set("address", ChildPatient.Addresses.read(rp.getAddressFirstRep()));
    }
    g.set("contact", contact);
    return g.node();
  }
}

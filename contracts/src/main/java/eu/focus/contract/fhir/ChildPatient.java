package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * The child ({@code record.child}) as the {@code FocusChild} Patient. The Patient is always there,
 * because the other resources refer to it; when the child was withheld it is empty.
 */
final class ChildPatient {

  private ChildPatient() {}

  static Reference write(JsonNode child, BundleWriter w) {
    Patient p = new Patient();
    boolean health = false;
    if (child != null) {
      String pseudonym = Json.str(child, "subjectPseudonym");
      if (pseudonym != null) {
        p.addIdentifier().setSystem(FhirNames.SID_SUBJECT_PSEUDONYM).setValue(pseudonym);
      }
      for (JsonNode id : Json.arr(child, "nationalIdentifiers")) {
        Identifier identifier =
            p.addIdentifier()
                .setSystem(FhirNames.SID_NATIONAL_IDENTIFIER)
                .setValue(Json.str(id, "value"));
        identifier.getType().setText(Json.str(id, "system"));
        Ext.add(identifier, "identifier-country", Values.code(Json.str(id, "country")));
      }
      PersonNames.write(Json.obj(child, "name"), p.addName());
      JsonNode birthDate = Json.obj(child, "birthDate");
      if (birthDate != null) {
        p.setBirthDateElement(Values.date(Json.str(birthDate, "value")));
        Ext.add(p, "birth-date-precision", Values.code(Json.str(birthDate, "precision")));
      }
      Ext.add(p, "age-status", Values.code(Json.str(child, "ageStatus")));
      for (JsonNode country : child.path("nationality")) {
        Extension nationality = new Extension(FhirNames.EXT_NATIONALITY);
        nationality.addExtension(
            "code", new CodeableConcept(w.terminology().coding("country", country.asText())));
        p.addExtension(nationality);
      }
      JsonNode address = Json.obj(child, "address");
      if (address != null) {
        Addresses.write(address, p.addAddress());
      }
      String language = Json.str(child, "language");
      if (language != null) {
        p.addCommunication()
            .setLanguage(new CodeableConcept(w.terminology().coding("language", language)))
            .setPreferred(true);
      }
      Ext.addUrl(p, FhirNames.EXT_INTERPRETER, Values.bool(Json.bool(child, "interpreterNeeded")));
      Ext.add(
          p,
          "unaccompanied-or-separated",
          Values.bool(Json.bool(child, "unaccompaniedOrSeparated")));
      JsonNode needs = Json.obj(child, "communicationOrDisabilityNeeds");
      if (needs != null) {
        health = true;
        Extension ext = Ext.complex(p, "communication-needs");
        Ext.sub(ext, "needed", Values.bool(Json.bool(needs, "needed")));
        Ext.sub(ext, "description", Values.text(Json.obj(needs, "description")));
      }
    }
    p.getName().removeIf(HumanName::isEmpty);
    return health
        ? w.add(p, "patient", "FocusChild", "S1", "S5")
        : w.add(p, "patient", "FocusChild", "S1");
  }

  static ObjectNode read(Patient p, BundleReader r) {
    String at = r.location(p);
    Json.Obj child = Json.obj();
    ArrayNode nationalIds = Json.array();
    for (int i = 0; i < p.getIdentifier().size(); i++) {
      Identifier id = p.getIdentifier().get(i);
      String where = at + ".identifier[" + i + "]";
      if (FhirNames.SID_SUBJECT_PSEUDONYM.equals(id.getSystem())) {
        child.put("subjectPseudonym", id.getValue());
      } else if (FhirNames.SID_NATIONAL_IDENTIFIER.equals(id.getSystem())) {
        Json.add(
            nationalIds,
            Json.obj()
                .put("system", id.getType().getText())
                .put("value", id.getValue())
                .put(
                    "country",
                    r.code(
                        "country",
                        Ext.value(id, "identifier-country"),
                        where + ".extension('identifier-country')"))
                .node());
      } else {
        r.problems().add(where + ".system", "unknown identifier system '" + id.getSystem() + "'");
      }
    }
    child.set("nationalIdentifiers", nationalIds);
    if (p.hasName()) {
      child.set("name", PersonNames.read(p.getNameFirstRep()));
    }
    if (p.hasBirthDateElement() || Ext.first(p, "birth-date-precision").isPresent()) {
      child.set(
          "birthDate",
          Json.obj()
              .put("value", Values.str(p.getBirthDateElement()))
              .put(
                  "precision",
                  r.code(
                      "birth-date-precision",
                      Ext.value(p, "birth-date-precision"),
                      at + ".extension('birth-date-precision')")));
    }
    child.put(
        "ageStatus",
        r.code("age-status", Ext.value(p, "age-status"), at + ".extension('age-status')"));
    ArrayNode nationality = Json.array();
    for (Extension ext : Ext.allUrl(p, FhirNames.EXT_NATIONALITY)) {
      if (Ext.subValue(ext, "code") instanceof CodeableConcept cc) {
        Json.add(
            nationality, asText(r.code("country", cc, at + ".extension('patient-nationality')")));
      }
    }
    child.set("nationality", nationality);
    if (p.hasAddress()) {
      child.set("address", Addresses.read(p.getAddressFirstRep()));
    }
    if (p.hasCommunication()) {
      child.put(
          "language",
          r.code(
              "language",
              p.getCommunicationFirstRep().getLanguage(),
              at + ".communication[0].language"));
    }
    child.put(
        "interpreterNeeded",
        Values.bool(
            Ext.allUrl(p, FhirNames.EXT_INTERPRETER).stream()
                .findFirst()
                .map(Extension::getValue)
                .orElse(null)));
    child.put("unaccompaniedOrSeparated", Values.bool(Ext.value(p, "unaccompanied-or-separated")));
    Ext.first(p, "communication-needs")
        .ifPresent(
            ext ->
                child.set(
                    "communicationOrDisabilityNeeds",
                    Json.obj()
                        .put("needed", Values.bool(Ext.subValue(ext, "needed")))
                        .set(
                            "description",
                            Values.text(
                                Ext.subValue(ext, "description"),
                                at + ".extension('communication-needs').extension('description')",
                                r.problems()))));
    return child.node();
  }

  private static JsonNode asText(String value) {
    return value == null ? null : com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
  }

  /** A contract address as a FHIR Address (lines, city, postal code, country code as text). */
  static final class Addresses {
    private Addresses() {}

    static void write(JsonNode address, Address a) {
      for (JsonNode line : Json.arr(address, "lines")) {
        a.addLine(line.asText());
      }
      a.setCity(Json.str(address, "city"));
      a.setPostalCode(Json.str(address, "postalCode"));
      a.setCountry(Json.str(address, "country"));
    }

    static ObjectNode read(Address a) {
      ArrayNode lines = Json.array();
      a.getLine().forEach(line -> Json.add(lines, asText(line.getValue())));
      return Json.obj()
          .set("lines", lines)
          .put("city", a.getCity())
          .put("postalCode", a.getPostalCode())
          .put("country", a.getCountry())
          .node();
    }
  }

  /** A contract person name ({@code given}, {@code family}) as a FHIR HumanName. */
  static final class PersonNames {
    private PersonNames() {}

    static void write(JsonNode name, HumanName n) {
      if (name != null) {
        String given = Json.str(name, "given");
        if (given != null) {
          n.addGiven(given);
        }
        n.setFamily(Json.str(name, "family"));
      }
    }

    static ObjectNode read(HumanName n) {
      return Json.obj()
          .put("given", n.hasGiven() ? n.getGiven().get(0).getValue() : null)
          .put("family", n.getFamily())
          .node();
    }
  }
}

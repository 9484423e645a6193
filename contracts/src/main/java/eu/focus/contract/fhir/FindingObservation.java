package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * One finding ({@code assessment.findings[i]}) as a {@code FocusFinding} Observation: domain as
 * code, summary as value, basis (fact or professional assessment, LED Art. 7(1)) as method, detail
 * and strengths as components, its sensitivity class as a security label, so that each finding can
 * be withheld on its own.
 */
final class FindingObservation {

  private FindingObservation() {}

  static Reference write(JsonNode f, int index, Reference child, BundleWriter w) {
    FocusTerminology t = w.terminology();
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    String domain = Json.str(f, "domain");
    if (domain != null) {
      o.setCode(new CodeableConcept(t.coding("finding-domain", domain)));
    }
    o.setSubject(child);
    o.setValue(Values.text(Json.obj(f, "summary")));
    String basis = Json.str(f, "basis");
    if (basis != null) {
      o.setMethod(new CodeableConcept(t.coding("finding-basis", basis)));
    }
    component(o, "detail", Json.obj(f, "detail"), t);
    component(o, "strengths", Json.obj(f, "strengths"), t);
    Ext.add(o, "information-source", Values.code(Json.str(f, "source")));
    String sensitivity = Json.str(f, "sensitivity");
    if (sensitivity != null) {
      o.getMeta().addSecurity(t.coding("sensitivity-class", sensitivity));
    }
    return w.add(o, "finding/" + index, "FocusFinding", sensitivity == null ? "S2" : sensitivity);
  }

  private static void component(Observation o, String name, JsonNode text, FocusTerminology t) {
    if (text != null) {
      o.addComponent()
          .setCode(new CodeableConcept(t.coding(FocusTerminology.CONTRACT_ELEMENT, name)))
          .setValue(Values.text(text));
    }
  }

  static ObjectNode read(Observation o, BundleReader r) {
    String at = r.location(o);
    Json.Obj f = Json.obj();
    f.put("domain", r.code("finding-domain", o.getCode(), at + ".code"));
    f.set("summary", Values.text(o.getValue(), at + ".value", r.problems()));
    for (int i = 0; i < o.getComponent().size(); i++) {
      Observation.ObservationComponentComponent c = o.getComponent().get(i);
      String where = at + ".component[" + i + "]";
      String name = r.code(FocusTerminology.CONTRACT_ELEMENT, c.getCode(), where + ".code");
      if ("detail".equals(name) || "strengths".equals(name)) {
        f.set(name, Values.text(c.getValue(), where + ".value", r.problems()));
      } else if (name != null) {
        r.problems().add(where + ".code", "a finding has no component '" + name + "'");
      }
    }
    f.put("basis", r.code("finding-basis", o.getMethod(), at + ".method"));
    f.put(
        "source",
        r.code(
            "finding-source",
            Ext.value(o, "information-source"),
            at + ".extension('information-source')"));
    String classes = FhirNames.cs("sensitivity-class");
    for (Coding label : o.getMeta().getSecurity()) {
      if (classes.equals(label.getSystem())) {
        f.put("sensitivity", r.code("sensitivity-class", label, at + ".meta.security"));
      }
    }
    return f.node();
  }
}

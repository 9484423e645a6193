package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * Specific protection needs ({@code assessment.protectionNeeds}) as one {@code
 * FocusProtectionNeeds} Observation: the yes/no as value, each risk level and each need as a
 * component coded with the contract member's name.
 */
final class ProtectionNeedsObservation {

  static final String CODE = "protectionNeeds";
  private static final List<String> RISKS =
      List.of("secondaryVictimisation", "repeatVictimisation", "intimidation", "retaliation");

  private ProtectionNeedsObservation() {}

  static Reference write(JsonNode needs, Reference child, BundleWriter w) {
    FocusTerminology t = w.terminology();
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(new CodeableConcept(t.coding(FocusTerminology.CONTRACT_ELEMENT, CODE)));
    o.setSubject(child);
    o.setValue(Values.bool(Json.bool(needs, "specificProtectionNeeds")));
    JsonNode risks = Json.obj(needs, "risks");
    for (String risk : RISKS) {
      String level = Json.str(risks, risk);
      if (level != null) {
        o.addComponent()
            .setCode(new CodeableConcept(t.coding(FocusTerminology.CONTRACT_ELEMENT, risk)))
            .setValue(new CodeableConcept(t.coding("risk-level", level)));
      }
    }
    for (JsonNode need : Json.arr(needs, "needs")) {
      o.addComponent()
          .setCode(new CodeableConcept(t.coding(FocusTerminology.CONTRACT_ELEMENT, "needs")))
          .setValue(new CodeableConcept(t.coding("protection-need", need.asText())));
    }
    return w.add(o, "protection-needs", "FocusProtectionNeeds", "S2");
  }

  static boolean is(Observation o) {
    return o.getCode().getCoding().stream()
        .anyMatch(
            c ->
                FhirNames.cs(FocusTerminology.CONTRACT_ELEMENT).equals(c.getSystem())
                    && CODE.equals(c.getCode()));
  }

  static ObjectNode read(Observation o, BundleReader r) {
    String at = r.location(o);
    Json.Obj needs = Json.obj();
    if (o.getValue() instanceof BooleanType b) {
      needs.put("specificProtectionNeeds", Values.bool(b));
    } else if (o.hasValue()) {
      r.problems().add(at + ".value", "must be a boolean (specific protection needs)");
    }
    Json.Obj risks = Json.obj();
    ArrayNode list = Json.array();
    for (int i = 0; i < o.getComponent().size(); i++) {
      Observation.ObservationComponentComponent c = o.getComponent().get(i);
      String where = at + ".component[" + i + "]";
      String name = r.code(FocusTerminology.CONTRACT_ELEMENT, c.getCode(), where + ".code");
      CodeableConcept value = c.hasValueCodeableConcept() ? c.getValueCodeableConcept() : null;
      if (RISKS.contains(name)) {
        risks.put(name, r.code("risk-level", value, where + ".value"));
      } else if ("needs".equals(name)) {
        String need = r.code("protection-need", value, where + ".value");
        Json.add(list, need == null ? null : TextNode.valueOf(need));
      } else if (name != null) {
        r.problems().add(where + ".code", "protection needs have no component '" + name + "'");
      }
    }
    needs.set("risks", risks);
    needs.set("needs", list);
    return needs.node();
  }
}

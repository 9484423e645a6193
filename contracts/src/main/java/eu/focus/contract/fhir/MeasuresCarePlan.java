package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;

/**
 * Recommended measures ({@code assessment.recommendedMeasures}) as one {@code FocusMeasures}
 * CarePlan, one activity per measure in contract order. The contract's status is kept exactly in
 * {@code statusReason}; {@code status} is its nearest FHIR activity status.
 */
final class MeasuresCarePlan {

  private MeasuresCarePlan() {}

  static Reference write(JsonNode measures, Reference child, BundleWriter w) {
    FocusTerminology t = w.terminology();
    CarePlan plan = new CarePlan();
    plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
    plan.setIntent(CarePlan.CarePlanIntent.PROPOSAL);
    plan.setSubject(child);
    for (JsonNode m : measures) {
      CarePlanActivityDetailComponent d = plan.addActivity().getDetail();
      String measure = Json.str(m, "measure");
      if (measure != null) {
        d.setCode(new CodeableConcept(t.coding("measure", measure)));
      }
      String status = Json.str(m, "status");
      d.setStatus(fhirStatus(status));
      if (status != null) {
        d.setStatusReason(new CodeableConcept(t.coding("measure-status", status)));
      }
      if (Json.obj(m, "note") != null) {
        d.setDescriptionElement(Values.text(Json.obj(m, "note")));
      }
      String decidedBy = Json.str(m, "decidedBy");
      String date = Json.str(m, "date");
      if (decidedBy != null || date != null) {
        Extension ext = Ext.complex(d, "measure-decision");
        Ext.sub(ext, "decidedBy", w.agency(decidedBy));
        Ext.sub(ext, "date", Values.date(date));
      }
    }
    return w.add(plan, "measures", "FocusMeasures", "S2");
  }

  private static CarePlanActivityStatus fhirStatus(String status) {
    if (status == null) {
      return CarePlanActivityStatus.UNKNOWN;
    }
    return switch (status) {
      case "RECOMMENDED" -> CarePlanActivityStatus.NOTSTARTED;
      case "ORDERED" -> CarePlanActivityStatus.SCHEDULED;
      case "IMPLEMENTED" -> CarePlanActivityStatus.COMPLETED;
      case "NOT_AVAILABLE_OPERATIONAL", "DECLINED_BY_CHILD" -> CarePlanActivityStatus.CANCELLED;
      default -> CarePlanActivityStatus.UNKNOWN;
    };
  }

  static ArrayNode read(CarePlan plan, BundleReader r) {
    String at = r.location(plan);
    ArrayNode measures = Json.array();
    for (int i = 0; i < plan.getActivity().size(); i++) {
      String where = at + ".activity[" + i + "].detail";
      CarePlanActivityDetailComponent d = plan.getActivity().get(i).getDetail();
      Json.Obj m = Json.obj();
      m.put("measure", r.code("measure", d.getCode(), where + ".code"));
      m.put("status", r.code("measure-status", d.getStatusReason(), where + ".statusReason"));
      Ext.first(d, "measure-decision")
          .ifPresent(
              ext -> {
                if (Ext.subValue(ext, "decidedBy") instanceof Reference ref) {
                  m.put(
                      "decidedBy",
                      r.agencyId(
                          ref, where + ".extension('measure-decision').extension('decidedBy')"));
                }
                m.put("date", Values.str(Ext.subValue(ext, "date")));
              });
      if (d.hasDescriptionElement()) {
        m.set("note", Values.text(d.getDescriptionElement(), where + ".description", r.problems()));
      }
      Json.add(measures, m.node());
    }
    return measures;
  }
}

package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * The case and proceedings ({@code record.case}) as the complex extension {@code case} on the
 * assessment: no FHIR R4 resource carries criminal-proceeding data (roles of the child over time,
 * ICCS offences, ECRIS qualifiers, deprivation of liberty).
 */
final class CaseExtension {

  private static final String NAME = "case";

  private CaseExtension() {}

  static void write(JsonNode c, ClinicalImpression ci, BundleWriter w) {
    if (c == null) {
      return;
    }
    Extension ext = Ext.complex(ci, NAME);
    Ext.sub(ext, "caseRef", Values.string(Json.str(c, "caseRef")));
    for (JsonNode related : Json.arr(c, "relatedCaseRefs")) {
      Extension r = Ext.subComplex(ext, "relatedCaseRef");
      Ext.sub(r, "agency", w.agency(Json.str(related, "agencyId")));
      Ext.sub(r, "reference", Values.string(Json.str(related, "reference")));
    }
    Ext.sub(ext, "jurisdiction", Values.code(Json.str(c, "jurisdiction")));
    Ext.sub(ext, "proceedingType", Values.code(Json.str(c, "proceedingType")));
    Ext.sub(ext, "stage", Values.code(Json.str(c, "stage")));
    for (JsonNode role : Json.arr(c, "childRoles")) {
      Extension r = Ext.subComplex(ext, "childRole");
      Ext.sub(r, "role", Values.code(Json.str(role, "role")));
      Ext.sub(r, "period", period(Json.obj(role, "period")));
    }
    for (JsonNode offence : Json.arr(c, "offences")) {
      Extension o = Ext.subComplex(ext, "offence");
      String iccs = Json.str(offence, "iccs");
      if (iccs != null) {
        Ext.sub(o, "iccs", w.terminology().coding("iccs", iccs));
      }
      JsonNode national = Json.obj(offence, "nationalCode");
      if (national != null) {
        Extension n = Ext.subComplex(o, "nationalCode");
        Ext.sub(n, "system", Values.string(Json.str(national, "system")));
        Ext.sub(n, "code", Values.string(Json.str(national, "code")));
      }
      Ext.sub(o, "description", Values.text(Json.obj(offence, "description")));
      Ext.sub(o, "date", Values.date(Json.str(offence, "date")));
      Ext.sub(o, "ecrisCompletion", Values.code(Json.str(offence, "ecrisCompletion")));
      Ext.sub(o, "ecrisParticipation", Values.code(Json.str(offence, "ecrisParticipation")));
    }
    for (JsonNode flag : Json.arr(c, "victimContextFlags")) {
      Ext.sub(ext, "victimContextFlag", Values.code(flag.asText()));
    }
    JsonNode liberty = Json.obj(c, "deprivationOfLiberty");
    if (liberty != null) {
      Extension d = Ext.subComplex(ext, "deprivationOfLiberty");
      Ext.sub(d, "status", Values.code(Json.str(liberty, "status")));
      Ext.sub(d, "period", period(Json.obj(liberty, "period")));
      Ext.sub(d, "separatedFromAdults", Values.bool(Json.bool(liberty, "separatedFromAdults")));
    }
  }

  static ObjectNode read(ClinicalImpression ci, BundleReader r) {
    Extension ext = Ext.first(ci, NAME).orElse(null);
    if (ext == null) {
      return null;
    }
    String at = r.location(ci) + ".extension('" + NAME + "')";
    Json.Obj c = Json.obj();
    c.put("caseRef", Values.str(Ext.subValue(ext, "caseRef")));
    ArrayNode related = Json.array();
    for (Extension rel : Ext.subs(ext, "relatedCaseRef")) {
      Json.add(
          related,
          Json.obj()
              .put("agencyId", agency(rel, r, at + ".extension('relatedCaseRef')"))
              .put("reference", Values.str(Ext.subValue(rel, "reference")))
              .node());
    }
    c.set("relatedCaseRefs", related);
    c.put(
        "jurisdiction",
        r.code("country", Ext.subValue(ext, "jurisdiction"), at + ".extension('jurisdiction')"));
    c.put(
        "proceedingType",
        r.code(
            "proceeding-type",
            Ext.subValue(ext, "proceedingType"),
            at + ".extension('proceedingType')"));
    c.put("stage", r.code("stage", Ext.subValue(ext, "stage"), at + ".extension('stage')"));
    ArrayNode roles = Json.array();
    for (Extension role : Ext.subs(ext, "childRole")) {
      Json.add(
          roles,
          Json.obj()
              .put(
                  "role",
                  r.code(
                      "child-role",
                      Ext.subValue(role, "role"),
                      at + ".extension('childRole').extension('role')"))
              .set("period", period(Ext.subValue(role, "period")))
              .node());
    }
    c.set("childRoles", roles);
    ArrayNode offences = Json.array();
    for (Extension o : Ext.subs(ext, "offence")) {
      String where = at + ".extension('offence')";
      Json.Obj offence = Json.obj();
      if (Ext.subValue(o, "iccs") instanceof Coding iccs) {
        offence.put("iccs", r.code("iccs", iccs, where + ".extension('iccs')"));
      }
      Ext.subs(o, "nationalCode").stream()
          .findFirst()
          .ifPresent(
              n ->
                  offence.set(
                      "nationalCode",
                      Json.obj()
                          .put("system", Values.str(Ext.subValue(n, "system")))
                          .put("code", Values.str(Ext.subValue(n, "code")))));
      offence.set(
          "description",
          Values.text(
              Ext.subValue(o, "description"), where + ".extension('description')", r.problems()));
      offence.put("date", Values.str(Ext.subValue(o, "date")));
      offence.put(
          "ecrisCompletion",
          r.code(
              "ecris-completion",
              Ext.subValue(o, "ecrisCompletion"),
              where + ".extension('ecrisCompletion')"));
      offence.put(
          "ecrisParticipation",
          r.code(
              "ecris-participation",
              Ext.subValue(o, "ecrisParticipation"),
              where + ".extension('ecrisParticipation')"));
      Json.add(offences, offence.node());
    }
    c.set("offences", offences);
    ArrayNode flags = Json.array();
    for (Extension flag : Ext.subs(ext, "victimContextFlag")) {
      String code =
          r.code("victim-context-flag", flag.getValue(), at + ".extension('victimContextFlag')");
      Json.add(flags, code == null ? null : TextNode.valueOf(code));
    }
    c.set("victimContextFlags", flags);
    Ext.subs(ext, "deprivationOfLiberty").stream()
        .findFirst()
        .ifPresent(
            d ->
                c.set(
                    "deprivationOfLiberty",
                    Json.obj()
                        .put(
                            "status",
                            r.code(
                                "deprivation-status",
                                Ext.subValue(d, "status"),
                                at + ".extension('deprivationOfLiberty').extension('status')"))
                        .set("period", period(Ext.subValue(d, "period")))
                        .put(
                            "separatedFromAdults",
                            Values.bool(Ext.subValue(d, "separatedFromAdults")))));
    return c.node();
  }

  private static String agency(Extension parent, BundleReader r, String at) {
    return Ext.subValue(parent, "agency") instanceof Reference ref
        ? r.agencyId(ref, at + ".extension('agency')")
        : null;
  }

  /** A contract period of dates as a FHIR Period; {@code end} absent while ongoing. */
  static Period period(JsonNode period) {
    if (period == null) {
      return null;
    }
    Period p = new Period();
    if (Json.str(period, "start") != null) {
      p.setStartElement(Values.dateTime(Json.str(period, "start")));
    }
    if (Json.str(period, "end") != null) {
      p.setEndElement(Values.dateTime(Json.str(period, "end")));
    }
    return p;
  }

  static ObjectNode period(Type type) {
    if (!(type instanceof Period p)) {
      return null;
    }
    return Json.obj()
        .put("start", Values.str(p.getStartElement()))
        .put("end", Values.str(p.getEndElement()))
        .node();
  }
}

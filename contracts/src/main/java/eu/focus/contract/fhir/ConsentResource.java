package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A consent (contract {@code consent}) as a {@code FocusConsent}: scope patient-privacy, an opt-in,
 * the child's record as patient (by record id), the grantor as performer (the child, or a guardian
 * by guardian id), and one permit provision: recipients as IRCP actors (one agency, or every agency
 * of a type), actions, purposes, data scope as security labels (sensitivity classes), period.
 * Status: ACTIVE is active, WITHDRAWN inactive, no status yet (not registered) proposed.
 */
final class ConsentResource {

  private ConsentResource() {}

  static Consent write(JsonNode c, FocusTerminology t) {
    Consent consent = new Consent();
    String consentId = Json.str(c, "consentId");
    String recordId = Json.str(c, "recordId");
    consent.setId(
        consentId != null
            ? consentId
            : UUID.nameUUIDFromBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8))
                .toString());
    consent.getMeta().addProfile(FhirNames.sd("FocusConsent"));
    consent.getMeta().addSecurity(FhirNames.CONFIDENTIALITY, "V", null);
    if (consentId != null) {
      consent.addIdentifier().setSystem(FhirNames.SID_CONSENT).setValue(consentId);
    }
    String status = Json.str(c, "status");
    consent.setStatus(
        status == null
            ? Consent.ConsentState.PROPOSED
            : "WITHDRAWN".equals(status)
                ? Consent.ConsentState.INACTIVE
                : Consent.ConsentState.ACTIVE);
    consent.setScope(
        new CodeableConcept(new Coding(FhirNames.CONSENT_SCOPE, "patient-privacy", null)));
    consent.addCategory(new CodeableConcept(new Coding(FhirNames.ACT_CODE, "IDSCL", null)));
    consent.addPolicy().setUri("https://focus-gateway.eu/contract/v1/consent.schema.json");
    consent.setPolicyRule(new CodeableConcept(new Coding(FhirNames.ACT_CODE, "OPTIN", null)));
    if (recordId != null) {
      consent
          .getPatient()
          .setType("Patient")
          .getIdentifier()
          .setSystem(FhirNames.SID_RECORD_SUBJECT)
          .setValue(recordId);
    }
    JsonNode grantor = Json.obj(c, "grantor");
    if (grantor != null) {
      Reference performer = consent.addPerformer();
      if ("GUARDIAN".equals(Json.str(grantor, "type"))) {
        performer.setType("RelatedPerson");
        String guardianId = Json.str(grantor, "guardianId");
        if (guardianId != null) {
          performer.getIdentifier().setSystem(FhirNames.SID_GUARDIAN).setValue(guardianId);
        }
      } else if ("CHILD".equals(Json.str(grantor, "type"))) {
        performer.setType("Patient").setDisplay("the child");
      }
    }
    Ext.add(consent, "capacity-note", Values.text(Json.obj(c, "capacityNote")));
    Consent.ProvisionComponent provision = consent.getProvision();
    provision.setType(Consent.ConsentProvisionType.PERMIT);
    CodeableConcept recipientRole =
        new CodeableConcept(new Coding(FhirNames.PARTICIPATION_TYPE, "IRCP", null));
    for (JsonNode recipient : Json.arr(c, "recipients")) {
      Reference ref = new Reference().setType("Organization");
      String agencyId = Json.str(recipient, "agencyId");
      String agencyType = Json.str(recipient, "agencyType");
      if (agencyId != null) {
        ref.getIdentifier().setSystem(FhirNames.SID_AGENCY).setValue(agencyId);
      } else if (agencyType != null) {
        ref.getIdentifier().setSystem(FhirNames.SID_AGENCY_TYPE).setValue(agencyType);
      }
      provision.addActor().setRole(recipientRole.copy()).setReference(ref);
    }
    for (JsonNode action : Json.arr(c, "actions")) {
      provision.addAction(
          new CodeableConcept(new Coding(FhirNames.CONSENT_ACTION, action.asText(), null)));
    }
    for (JsonNode purpose : Json.arr(c, "purposes")) {
      provision.addPurpose(t.coding("purpose-of-use", purpose.asText()));
    }
    for (JsonNode cls : Json.arr(c, "dataScope")) {
      provision.addSecurityLabel(t.coding("sensitivity-class", cls.asText()));
    }
    Period period = CaseExtension.period(Json.obj(c, "period"));
    if (period != null) {
      provision.setPeriod(period);
    }
    Ext.add(consent, "withdrawn-at", Values.dateTime(Json.str(c, "withdrawnAt")));
    JsonNode evidence = Json.obj(c, "evidence");
    if (evidence != null) {
      Extension ext = Ext.complex(consent, "consent-evidence");
      Ext.sub(ext, "type", Values.code(Json.str(evidence, "type")));
      Ext.sub(ext, "reference", Values.string(Json.str(evidence, "reference")));
    }
    Ext.add(
        consent, "child-friendly-info-given", Values.bool(Json.bool(c, "childFriendlyInfoGiven")));
    Ext.add(consent, "redisclosure-allowed", Values.bool(Json.bool(c, "redisclosureAllowed")));
    return consent;
  }

  static ObjectNode read(Consent consent, FocusTerminology t, Problems problems) {
    BundleReader r = BundleReader.codesOnly(t, problems);
    String at = "Consent";
    Json.Obj c = Json.obj();
    c.put("consentId", BundleReader.identifier(consent.getIdentifier(), FhirNames.SID_CONSENT));
    if (!FhirNames.SID_RECORD_SUBJECT.equals(consent.getPatient().getIdentifier().getSystem())) {
      problems.add(
          at + ".patient", "must name the record by identifier in " + FhirNames.SID_RECORD_SUBJECT);
    }
    c.put("recordId", consent.getPatient().getIdentifier().getValue());
    if (consent.getPerformer().size() != 1) {
      problems.add(at + ".performer", "exactly one grantor (the child or a guardian)");
    } else {
      Reference performer = consent.getPerformerFirstRep();
      if ("Patient".equals(performer.getType())) {
        c.set("grantor", Json.obj().put("type", "CHILD"));
      } else if ("RelatedPerson".equals(performer.getType())) {
        c.set(
            "grantor",
            Json.obj()
                .put("type", "GUARDIAN")
                .put(
                    "guardianId",
                    BundleReader.identifier(
                        java.util.List.of(performer.getIdentifier()), FhirNames.SID_GUARDIAN)));
      } else {
        problems.add(
            at + ".performer[0].type", "must be Patient (the child) or RelatedPerson (a guardian)");
      }
    }
    c.set(
        "capacityNote",
        Values.text(
            Ext.value(consent, "capacity-note"), at + ".extension('capacity-note')", problems));
    Consent.ProvisionComponent provision = consent.getProvision();
    ArrayNode recipients = Json.array();
    for (int i = 0; i < provision.getActor().size(); i++) {
      Reference ref = provision.getActor().get(i).getReference();
      String system = ref.getIdentifier().getSystem();
      String value = ref.getIdentifier().getValue();
      String where = at + ".provision.actor[" + i + "].reference.identifier";
      if (FhirNames.SID_AGENCY.equals(system)) {
        recipients.add(Json.obj().put("agencyId", value).node());
      } else if (FhirNames.SID_AGENCY_TYPE.equals(system)) {
        recipients.add(
            Json.obj()
                .put("agencyType", r.code("agency-type", Values.code(value), where + ".value"))
                .node());
      } else {
        problems.add(
            where + ".system",
            "must be " + FhirNames.SID_AGENCY + " or " + FhirNames.SID_AGENCY_TYPE);
      }
    }
    c.set("recipients", recipients);
    ArrayNode classes = Json.array();
    for (int i = 0; i < provision.getSecurityLabel().size(); i++) {
      String code =
          r.code(
              "sensitivity-class",
              provision.getSecurityLabel().get(i),
              at + ".provision.securityLabel[" + i + "]");
      Json.add(classes, code == null ? null : TextNode.valueOf(code));
    }
    c.set("dataScope", classes);
    ArrayNode purposes = Json.array();
    for (int i = 0; i < provision.getPurpose().size(); i++) {
      String code =
          r.code(
              "purpose-of-use",
              provision.getPurpose().get(i),
              at + ".provision.purpose[" + i + "]");
      Json.add(purposes, code == null ? null : TextNode.valueOf(code));
    }
    c.set("purposes", purposes);
    ArrayNode actions = Json.array();
    for (int i = 0; i < provision.getAction().size(); i++) {
      Coding coding = provision.getAction().get(i).getCodingFirstRep();
      if (!FhirNames.CONSENT_ACTION.equals(coding.getSystem())) {
        problems.add(
            at + ".provision.action[" + i + "]", "must be a code of " + FhirNames.CONSENT_ACTION);
      }
      Json.add(actions, coding.hasCode() ? TextNode.valueOf(coding.getCode()) : null);
    }
    c.set("actions", actions);
    if (provision.hasPeriod()) {
      c.set("period", CaseExtension.period(provision.getPeriod()));
    }
    switch (consent.getStatus() == null ? Consent.ConsentState.NULL : consent.getStatus()) {
      case ACTIVE -> c.put("status", "ACTIVE");
      case INACTIVE -> c.put("status", "WITHDRAWN");
      case PROPOSED -> {}
      default -> problems.add(at + ".status", "must be proposed, active or inactive");
    }
    c.put("withdrawnAt", Values.str(Ext.value(consent, "withdrawn-at")));
    Ext.first(consent, "consent-evidence")
        .ifPresent(
            ext ->
                c.set(
                    "evidence",
                    Json.obj()
                        .put(
                            "type",
                            r.code(
                                "consent-evidence-type",
                                Ext.subValue(ext, "type"),
                                at + ".extension('consent-evidence').extension('type')"))
                        .put("reference", Values.str(Ext.subValue(ext, "reference")))));
    c.put("childFriendlyInfoGiven", Values.bool(Ext.value(consent, "child-friendly-info-given")));
    c.put("redisclosureAllowed", Values.bool(Ext.value(consent, "redisclosure-allowed")));
    ObjectNode result = c.node();
    return result == null
        ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        : result;
  }
}

package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;

/**
 * The envelope of a submission or a delivery message as the {@code FocusMessageHeader}, first entry
 * of the Bundle: the event says which ({@code SUBMISSION}, {@code ASSESSMENT}, {@code REVOCATION}),
 * sender and destinations are agencies (Organizations with their country), the purpose of use is
 * the reason. The message id and time are the Bundle's identifier and timestamp; handling
 * conditions and the purpose of use are also security labels of the Bundle, where access-control
 * engines look for them.
 */
final class EnvelopeMessageHeader {

  private static final String ENDPOINT = "urn:focus-gateway:agency:";

  private EnvelopeMessageHeader() {}

  /** Creates the header as the first entry; {@link #write} fills it once the record is in. */
  static MessageHeader start(BundleWriter w) {
    MessageHeader header = new MessageHeader();
    w.add(header, "message-header", "FocusMessageHeader", "S0");
    return header;
  }

  static void write(
      JsonNode env, String event, MessageHeader h, List<Reference> focus, BundleWriter w) {
    FocusTerminology t = w.terminology();
    Bundle bundle = w.bundle();
    h.setEvent(t.coding("message-event", event));
    String messageId = Json.str(env, "messageId");
    if (messageId != null) {
      bundle.getIdentifier().setSystem(FhirNames.SID_MESSAGE).setValue(messageId);
    }
    String sentAt = Json.str(env, "sentAt");
    if (sentAt != null) {
      InstantType instant = new InstantType();
      instant.setValueAsString(sentAt);
      bundle.setTimestampElement(instant);
    }
    Ext.add(h, "contract-version", Values.string(Json.str(env, "contractVersion")));
    String source = Json.str(env, "sourceAgency");
    h.getSource().setEndpoint(ENDPOINT + source);
    h.setSender(w.agency(source, Json.str(env, "sourceCountry")));
    for (JsonNode recipient : Json.arr(env, "recipients")) {
      h.addDestination()
          .setEndpoint(ENDPOINT + recipient.asText())
          .setReceiver(w.agency(recipient.asText()));
    }
    String destination = Json.str(env, "destinationAgency");
    if (destination != null) {
      h.addDestination()
          .setEndpoint(ENDPOINT + destination)
          .setReceiver(w.agency(destination, Json.str(env, "destinationCountry")));
    }
    String purpose = Json.str(env, "purposeOfUse");
    if (purpose != null) {
      h.setReason(new CodeableConcept(t.coding("purpose-of-use", purpose)));
      t.codeLists()
          .entry("purpose-of-use", purpose)
          .map(e -> e.path("v3").asText(purpose))
          .ifPresent(v3 -> bundle.getMeta().addSecurity(FhirNames.ACT_REASON, v3, null));
    }
    for (JsonNode condition : Json.arr(env, "handlingConditions")) {
      bundle.getMeta().addSecurity(t.coding("handling-condition", condition.asText()));
    }
    JsonNode basis = Json.obj(env, "legalBasis");
    if (basis != null) {
      Extension ext = Ext.complex(h, "legal-basis");
      for (String member :
          List.of(
              "basis",
              "specialCategoryCondition",
              "criminalDataCondition",
              "nationalLawReference",
              "transferBasis")) {
        String value = Json.str(basis, member);
        Ext.sub(
            ext,
            member,
            "nationalLawReference".equals(member) ? Values.string(value) : Values.code(value));
      }
    }
    String consentRef = Json.str(env, "consentRef");
    if (consentRef != null) {
      Reference consent = new Reference();
      consent
          .setType("Consent")
          .getIdentifier()
          .setSystem(FhirNames.SID_CONSENT)
          .setValue(consentRef);
      Ext.add(h, "consent-reference", consent);
    }
    if (Json.str(env, "deliveryId") != null) {
      Extension ext = Ext.complex(h, "delivery");
      Ext.sub(ext, "deliveryId", Values.string(Json.str(env, "deliveryId")));
      Ext.sub(ext, "idempotencyKey", Values.string(Json.str(env, "idempotencyKey")));
      for (JsonNode cls : Json.arr(env, "withheldClasses")) {
        Ext.sub(ext, "withheldClass", Values.code(cls.asText()));
      }
    }
    JsonNode revocation = Json.obj(env, "revocation");
    if (revocation != null) {
      Extension ext = Ext.complex(h, "revocation");
      Ext.sub(ext, "revokedDeliveryId", Values.string(Json.str(revocation, "revokedDeliveryId")));
      Ext.sub(ext, "recordId", Values.string(Json.str(revocation, "recordId")));
      Ext.sub(ext, "version", Values.integer(Json.integer(revocation, "version")));
      Ext.sub(ext, "reason", Values.code(Json.str(revocation, "reason")));
      Ext.sub(ext, "consentId", Values.string(Json.str(revocation, "consentId")));
      Ext.sub(ext, "revokedAt", Values.dateTime(Json.str(revocation, "revokedAt")));
    }
    focus.forEach(f -> h.addFocus(f.copy()));
  }

  /** The event code of the header (checked), or null with a problem. */
  static String event(MessageHeader h, BundleReader r) {
    String at = r.location(h) + ".event";
    if (!(h.getEvent() instanceof Coding coding)) {
      r.problems().add(at, "must be a Coding of " + FhirNames.cs("message-event"));
      return null;
    }
    return r.code("message-event", coding, at);
  }

  /** Reads the envelope members of a submission ({@code delivery} false) or a delivery. */
  static void read(Bundle bundle, MessageHeader h, BundleReader r, Json.Obj env, boolean delivery) {
    String at = r.location(h);
    env.put(
        "messageId",
        BundleReader.identifier(List.of(bundle.getIdentifier()), FhirNames.SID_MESSAGE));
    env.put("contractVersion", Values.str(Ext.value(h, "contract-version")));
    env.put("sourceAgency", r.agencyId(h.getSender(), at + ".sender"));
    env.put("sourceCountry", r.agencyCountry(h.getSender()));
    if (delivery) {
      if (h.getDestination().size() != 1) {
        r.problems().add(at + ".destination", "a delivery has exactly one destination");
      }
      if (h.hasDestination()) {
        Reference receiver = h.getDestinationFirstRep().getReceiver();
        env.put("destinationAgency", r.agencyId(receiver, at + ".destination[0].receiver"));
        env.put("destinationCountry", r.agencyCountry(receiver));
      }
    } else {
      ArrayNode recipients = Json.array();
      for (int i = 0; i < h.getDestination().size(); i++) {
        String id =
            r.agencyId(
                h.getDestination().get(i).getReceiver(), at + ".destination[" + i + "].receiver");
        Json.add(recipients, id == null ? null : TextNode.valueOf(id));
      }
      env.set("recipients", recipients);
    }
    env.put("purposeOfUse", r.code("purpose-of-use", h.getReason(), at + ".reason"));
    Ext.first(h, "legal-basis")
        .ifPresent(
            ext -> {
              String where = at + ".extension('legal-basis')";
              env.set(
                  "legalBasis",
                  Json.obj()
                      .put("basis", sub(ext, "basis", "legal-basis", r, where))
                      .put(
                          "specialCategoryCondition",
                          sub(
                              ext,
                              "specialCategoryCondition",
                              "special-category-condition",
                              r,
                              where))
                      .put(
                          "criminalDataCondition",
                          sub(ext, "criminalDataCondition", "criminal-data-condition", r, where))
                      .put(
                          "nationalLawReference",
                          Values.str(Ext.subValue(ext, "nationalLawReference")))
                      .put("transferBasis", sub(ext, "transferBasis", "transfer-basis", r, where)));
            });
    if (Ext.value(h, "consent-reference") instanceof Reference consent) {
      env.put("consentRef", consent.getIdentifier().getValue());
    }
    ArrayNode conditions = Json.array();
    for (Coding label : bundle.getMeta().getSecurity()) {
      String code = label.getCode();
      if (code != null
          && r.terminology().contains("handling-condition", code)
          && r.terminology().system("handling-condition", code).equals(label.getSystem())) {
        conditions.add(code);
      }
    }
    env.set("handlingConditions", conditions);
    env.put("sentAt", Values.str(bundle.getTimestampElement()));
    Ext.first(h, "delivery")
        .ifPresent(
            ext -> {
              env.put("deliveryId", Values.str(Ext.subValue(ext, "deliveryId")));
              env.put("idempotencyKey", Values.str(Ext.subValue(ext, "idempotencyKey")));
              ArrayNode withheld = Json.array();
              for (Extension cls : Ext.subs(ext, "withheldClass")) {
                String code =
                    r.code(
                        "sensitivity-class",
                        cls.getValue(),
                        at + ".extension('delivery').extension('withheldClass')");
                Json.add(withheld, code == null ? null : TextNode.valueOf(code));
              }
              env.set("withheldClasses", withheld);
            });
    Ext.first(h, "revocation")
        .ifPresent(
            ext ->
                env.set(
                    "revocation",
                    Json.obj()
                        .put(
                            "revokedDeliveryId", Values.str(Ext.subValue(ext, "revokedDeliveryId")))
                        .put("recordId", Values.str(Ext.subValue(ext, "recordId")))
                        .put("version", Values.integer(Ext.subValue(ext, "version")))
                        .put(
                            "reason",
                            sub(
                                ext,
                                "reason",
                                "revocation-reason",
                                r,
                                at + ".extension('revocation')"))
                        .put("consentId", Values.str(Ext.subValue(ext, "consentId")))
                        .put("revokedAt", Values.str(Ext.subValue(ext, "revokedAt")))));
  }

  private static String sub(Extension ext, String name, String list, BundleReader r, String at) {
    return r.code(list, Ext.subValue(ext, name), at + ".extension('" + name + "')");
  }
}

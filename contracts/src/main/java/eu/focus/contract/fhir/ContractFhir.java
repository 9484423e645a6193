package eu.focus.contract.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;

/**
 * Contract v1 documents as FHIR R4 and back, losslessly: for every valid document, converting to
 * FHIR and back gives the same JSON tree. Records (also minimised ones, where withheld members are
 * absent), submissions and delivery messages become a {@code FocusAssessmentBundle} (collection;
 * submissions and deliveries with a {@code FocusMessageHeader} first); consents a {@code
 * FocusConsent}.
 *
 * <p>FHIR input from outside is checked while it is read: every problem (a missing child, a
 * reference to the wrong resource type, a code outside the contract's lists, a text without its
 * language) is reported at its location in one {@link ContractFhirException}. The resulting JSON
 * still has to pass {@code ContractValidator}, which checks what the contract requires.
 *
 * <p>Thread-safe; build one per application.
 */
public final class ContractFhir {

  private final FhirContext context;
  private final FocusTerminology terminology;

  public ContractFhir(FhirContext context) {
    this(context, FocusTerminology.load());
  }

  public ContractFhir(FhirContext context, FocusTerminology terminology) {
    if (context.getVersion().getVersion() != FhirVersionEnum.R4) {
      throw new IllegalArgumentException("contract v1 is profiled on FHIR R4");
    }
    this.context = context;
    this.terminology = Objects.requireNonNull(terminology);
  }

  public FhirContext context() {
    return context;
  }

  public FocusTerminology terminology() {
    return terminology;
  }

  public Bundle submissionToBundle(JsonNode submission) {
    return message(submission, FocusTerminology.SUBMISSION, Json.obj(submission, "record"));
  }

  public JsonNode bundleToSubmission(Bundle bundle) {
    Problems problems = new Problems();
    BundleReader r = new BundleReader(bundle, terminology, problems);
    Json.Obj submission = Json.obj();
    MessageHeader header = header(bundle, r, List.of(FocusTerminology.SUBMISSION));
    if (header != null) {
      EnvelopeMessageHeader.read(bundle, header, r, submission, false);
    }
    submission.set("record", RecordResources.read(r, true));
    problems.throwIfAny();
    return submission.node();
  }

  public Bundle recordToBundle(JsonNode record) {
    BundleWriter w = new BundleWriter(terminology, Json.str(record, "recordId"));
    String recordId = Json.str(record, "recordId");
    if (recordId != null) {
      w.bundle().getIdentifier().setSystem(FhirNames.SID_RECORD).setValue(recordId);
    }
    RecordResources.write(record, w);
    w.finish();
    return w.bundle();
  }

  public JsonNode bundleToRecord(Bundle bundle) {
    Problems problems = new Problems();
    BundleReader r = new BundleReader(bundle, terminology, problems);
    for (MessageHeader header : r.all(MessageHeader.class)) {
      problems.add(r.location(header), "a record has no MessageHeader");
    }
    ObjectNode record = RecordResources.read(r, false);
    problems.throwIfAny();
    return record;
  }

  public Bundle deliveryToBundle(JsonNode deliveryMessage) {
    return message(
        deliveryMessage, Json.str(deliveryMessage, "kind"), Json.obj(deliveryMessage, "record"));
  }

  public JsonNode bundleToDelivery(Bundle bundle) {
    Problems problems = new Problems();
    BundleReader r = new BundleReader(bundle, terminology, problems);
    Json.Obj delivery = Json.obj();
    MessageHeader header = header(bundle, r, List.of("ASSESSMENT", "REVOCATION"));
    String kind = header == null ? null : EnvelopeMessageHeader.event(header, r);
    delivery.put("kind", kind);
    if (header != null) {
      EnvelopeMessageHeader.read(bundle, header, r, delivery, true);
    }
    ObjectNode result = delivery.node();
    if (result == null) {
      result = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    if ("ASSESSMENT".equals(kind)) {
      result.set("record", RecordResources.read(r, false));
      if (!result.has("withheldClasses")) {
        result.set("withheldClasses", Json.array());
      }
    } else if (bundle.getEntry().size()
        > 1 + r.all(org.hl7.fhir.r4.model.Organization.class).size()) {
      problems.add("Bundle.entry", "a revocation carries no record");
    }
    problems.throwIfAny();
    return result;
  }

  public Consent consentToFhir(JsonNode consent) {
    return ConsentResource.write(consent, terminology);
  }

  public JsonNode fhirToConsent(Consent consent) {
    Problems problems = new Problems();
    ObjectNode result = ConsentResource.read(consent, terminology, problems);
    problems.throwIfAny();
    return result;
  }

  private Bundle message(JsonNode envelope, String event, JsonNode record) {
    String messageId = Json.str(envelope, "messageId");
    BundleWriter w = new BundleWriter(terminology, messageId);
    MessageHeader header = EnvelopeMessageHeader.start(w);
    List<Reference> focus = record == null ? List.of() : RecordResources.write(record, w);
    EnvelopeMessageHeader.write(envelope, event, header, focus, w);
    w.finish();
    return w.bundle();
  }

  /** The MessageHeader, which must be the first entry and carry one of the expected events. */
  private static MessageHeader header(Bundle bundle, BundleReader r, List<String> events) {
    List<MessageHeader> headers = r.all(MessageHeader.class);
    if (headers.isEmpty()) {
      r.problems().add("Bundle.entry[0].resource", "no MessageHeader (the envelope)");
      return null;
    }
    MessageHeader header = headers.get(0);
    if (bundle.getEntryFirstRep().getResource() != header) {
      r.problems().add(r.location(header), "the MessageHeader must be the first entry");
    }
    if (headers.size() > 1) {
      r.problems().add(r.location(headers.get(1)), "more than one MessageHeader");
    }
    String event = EnvelopeMessageHeader.event(header, r);
    if (event != null && !events.contains(event)) {
      r.problems()
          .add(r.location(header) + ".event", "must be one of " + events + ", not " + event);
    }
    return header;
  }
}

package eu.focus.contract.fhir;

import static eu.focus.contract.fhir.FhirFixtures.FHIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractValidator;
import eu.focus.contract.Violation;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;

/**
 * Minimised records, delivery messages and broken Bundles: what the FHIR channel and the FHIR
 * connector meet beyond the examples.
 */
class ContractFhirMessagesTest {

  private static final JsonNode SUBMISSION_01 =
      FhirFixtures.example("01-ro-victim-sexual-abuse.submission.json");

  /** Example 01's record as victim support would see it: no S4, S5, S6, S7; S3 summary only. */
  static ObjectNode minimisedRecord() {
    ObjectNode record = SUBMISSION_01.get("record").deepCopy();
    record.remove("guardians");
    ObjectNode child = (ObjectNode) record.get("child");
    child.remove("communicationOrDisabilityNeeds");
    ObjectNode assessment = (ObjectNode) record.get("assessment");
    assessment.remove("childViews");
    assessment.remove("restorativeJustice");
    assessment.withArray("findings").removeIf(f -> !"S2".equals(f.path("sensitivity").asText()));
    ObjectNode caseNode = (ObjectNode) record.get("case");
    caseNode.withArray("offences").forEach(o -> ((ObjectNode) o).retain("iccs"));
    return record;
  }

  @Test
  void minimisedRecordRoundTripsWithoutInventingWithheldMembers() {
    ObjectNode record = minimisedRecord();
    Bundle bundle = FhirFixtures.wire(FHIR.recordToBundle(record));
    assertThat(bundle.getEntry())
        .noneMatch(e -> e.getResource() instanceof RelatedPerson)
        .as("withheld findings leave no Observation")
        .filteredOn(e -> e.getResource() instanceof Observation)
        .hasSize(2); // the S2 finding and the protection needs
    assertThat(FHIR.bundleToRecord(bundle)).isEqualTo(record);
  }

  @Test
  void recordWithoutChildOrAssessmentKeepsOnlyRoutingData() {
    ObjectNode record = SUBMISSION_01.get("record").deepCopy();
    record.retain("recordId", "version", "contractVersion", "assessors", "provenance");
    Bundle bundle = FhirFixtures.wire(FHIR.recordToBundle(record));
    assertThat(FHIR.bundleToRecord(bundle)).isEqualTo(record);
  }

  static ObjectNode delivery() {
    ObjectNode delivery = FhirFixtures.MAPPER.createObjectNode();
    delivery.put("messageId", "d1b2c301-5d6e-4f70-8a9b-0c1d2e3f4001");
    delivery.put("contractVersion", "1.0");
    delivery.put("sourceCountry", "RO");
    delivery.put("sourceAgency", "ro-police");
    delivery.put("deliveryId", "e1b2c301-5d6e-4f70-8a9b-0c1d2e3f4001");
    delivery.put("idempotencyKey", "e1b2c301-5d6e-4f70-8a9b-0c1d2e3f4001/1");
    delivery.put("kind", "ASSESSMENT");
    delivery.put("destinationCountry", "RO");
    delivery.put("destinationAgency", "ro-victim-support");
    delivery.put("purposeOfUse", "VICTIM_SUPPORT");
    delivery.set("legalBasis", SUBMISSION_01.get("legalBasis"));
    delivery.set("handlingConditions", SUBMISSION_01.get("handlingConditions"));
    delivery.put("sentAt", "2026-11-21T12:31:00.123+02:00");
    delivery.putArray("withheldClasses").add("S4").add("S5").add("S6").add("S7");
    delivery.set("record", minimisedRecord());
    return delivery;
  }

  @Test
  void deliveryMessageIsValidAndRoundTrips() {
    ObjectNode delivery = delivery();
    assertThat(ContractValidator.load().validate(ContractDocument.DELIVERY_MESSAGE, delivery))
        .isEmpty();
    Bundle bundle = FHIR.deliveryToBundle(delivery);
    assertThat(bundle.getEntryFirstRep().getResource()).isInstanceOf(MessageHeader.class);
    assertThat(FhirFixtures.validation().validate(bundle)).isEmpty();
    assertThat(FHIR.bundleToDelivery(FhirFixtures.wire(bundle))).isEqualTo(delivery);
  }

  @Test
  void deliveryWithNothingWithheldKeepsItsEmptyList() {
    ObjectNode delivery = delivery();
    delivery.putArray("withheldClasses");
    delivery.set("record", SUBMISSION_01.get("record"));
    assertThat(FHIR.bundleToDelivery(FhirFixtures.wire(FHIR.deliveryToBundle(delivery))))
        .isEqualTo(delivery);
  }

  @Test
  void revocationRoundTripsWithoutRecord() {
    ObjectNode delivery = delivery();
    delivery.remove("record");
    delivery.remove("withheldClasses");
    delivery.put("kind", "REVOCATION");
    ObjectNode revocation = delivery.putObject("revocation");
    revocation.put("revokedDeliveryId", "e1b2c301-5d6e-4f70-8a9b-0c1d2e3f4000");
    revocation.put("recordId", "7f3c9a01-2b1e-4c6a-9d4f-1a2b3c4d5e01");
    revocation.put("version", 1);
    revocation.put("reason", "CONSENT_WITHDRAWN");
    revocation.put("consentId", "c0a5e703-3f9b-4d2e-b8c1-5a6f7e8d9c03");
    revocation.put("revokedAt", "2026-11-22T08:00:00Z");
    assertThat(ContractValidator.load().validate(ContractDocument.DELIVERY_MESSAGE, delivery))
        .isEmpty();
    Bundle bundle = FHIR.deliveryToBundle(delivery);
    assertThat(FhirFixtures.validation().validate(bundle)).isEmpty();
    assertThat(FHIR.bundleToDelivery(FhirFixtures.wire(bundle))).isEqualTo(delivery);
  }

  @Test
  void bundleWithoutPatientIsRefused() {
    Bundle bundle = FHIR.submissionToBundle(SUBMISSION_01);
    bundle.getEntry().removeIf(e -> e.getResource() instanceof Patient);
    assertThat(violations(bundle))
        .contains(new Violation("Bundle.entry", "no Patient (the child)"));
  }

  @Test
  void unknownCodeIsReportedWhereItIs() {
    Bundle bundle = FHIR.submissionToBundle(SUBMISSION_01);
    Observation finding =
        (Observation)
            bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Observation o && !ProtectionNeedsObservation.is(o))
                .findFirst()
                .orElseThrow();
    finding.getCode().getCodingFirstRep().setCode("HOROSCOPE");
    int index =
        bundle
            .getEntry()
            .indexOf(
                bundle.getEntry().stream()
                    .filter(e -> e.getResource() == finding)
                    .findFirst()
                    .orElseThrow());
    assertThat(violations(bundle))
        .containsExactly(
            new Violation(
                "Bundle.entry[" + index + "].resource.code.coding",
                "unknown code 'HOROSCOPE' (code list finding-domain)"));
    assertThat(FhirFixtures.validation().validate(bundle))
        .anyMatch(v -> v.pointer().contains("Observation") && v.message().contains("HOROSCOPE"));
  }

  @Test
  void referenceToWrongResourceTypeIsReported() {
    Bundle bundle = FHIR.submissionToBundle(SUBMISSION_01);
    MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
    header.getSender().setReference(bundle.getEntry().get(1).getFullUrl()); // the Patient
    assertThat(violations(bundle))
        .contains(
            new Violation(
                "Bundle.entry[0].resource.sender", "must reference a Organization, not a Patient"));
  }

  @Test
  void foreignResourcesAndMissingHeaderAreAllReported() {
    Bundle bundle = FHIR.submissionToBundle(SUBMISSION_01);
    bundle.getEntry().remove(0);
    bundle.addEntry().setResource(new org.hl7.fhir.r4.model.Medication());
    Patient child =
        (Patient)
            bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance)
                .findFirst()
                .orElseThrow();
    child
        .getCommunicationFirstRep()
        .setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", "tlh", null)));
    List<Violation> violations = violations(bundle);
    assertThat(violations)
        .extracting(Violation::message)
        .contains(
            "no MessageHeader (the envelope)",
            "resource type Medication has no place in a Focus assessment",
            "unknown code 'tlh' (code list language)");
  }

  @Test
  void recordBundleIsNotASubmission() {
    Bundle bundle = FHIR.recordToBundle(SUBMISSION_01.get("record"));
    assertThat(violations(bundle))
        .contains(new Violation("Bundle.entry[0].resource", "no MessageHeader (the envelope)"));
  }

  private static List<Violation> violations(Bundle bundle) {
    try {
      FHIR.bundleToSubmission(bundle);
    } catch (ContractFhirException e) {
      return e.violations();
    }
    throw new AssertionError("no violations");
  }

  @Test
  void exceptionsAreNeverNullPointers() {
    assertThatThrownBy(() -> FHIR.bundleToSubmission(new Bundle()))
        .isInstanceOf(ContractFhirException.class);
    assertThatThrownBy(() -> FHIR.bundleToDelivery(new Bundle()))
        .isInstanceOf(ContractFhirException.class);
    assertThatThrownBy(() -> FHIR.fhirToConsent(new org.hl7.fhir.r4.model.Consent()))
        .isInstanceOf(ContractFhirException.class);
  }
}

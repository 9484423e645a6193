package eu.focus.contract.fhir;

import static eu.focus.contract.fhir.FhirFixtures.FHIR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractFiles;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of contract v1 survives JSON → FHIR → (wire) → JSON unchanged. */
class ContractFhirRoundTripTest {

  static List<ContractFiles.Example> submissions() {
    return FhirFixtures.examples(ContractDocument.SUBMISSION);
  }

  static List<ContractFiles.Example> consents() {
    return FhirFixtures.examples(ContractDocument.CONSENT);
  }

  @ParameterizedTest
  @MethodSource("submissions")
  void submissionRoundTripsLosslessly(ContractFiles.Example example) {
    Bundle bundle = FhirFixtures.wire(FHIR.submissionToBundle(example.json()));
    JsonNode back = FHIR.bundleToSubmission(bundle);
    assertThat(back).isEqualTo(example.json());
  }

  @ParameterizedTest
  @MethodSource("submissions")
  void recordRoundTripsLosslessly(ContractFiles.Example example) {
    JsonNode record = example.json().get("record");
    JsonNode back = FHIR.bundleToRecord(FhirFixtures.wire(FHIR.recordToBundle(record)));
    assertThat(back).isEqualTo(record);
  }

  @ParameterizedTest
  @MethodSource("consents")
  void consentRoundTripsLosslessly(ContractFiles.Example example) {
    Consent consent = FhirFixtures.wire(FHIR.consentToFhir(example.json()));
    assertThat(FHIR.fhirToConsent(consent)).isEqualTo(example.json());
  }
}

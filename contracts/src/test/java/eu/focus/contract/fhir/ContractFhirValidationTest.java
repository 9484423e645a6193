package eu.focus.contract.fhir;

import static eu.focus.contract.fhir.FhirFixtures.FHIR;
import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractFiles;
import eu.focus.contract.Violation;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the converter produces validates against base R4 and the Focus profiles. */
class ContractFhirValidationTest {

  static List<ContractFiles.Example> submissions() {
    return FhirFixtures.examples(ContractDocument.SUBMISSION);
  }

  static List<ContractFiles.Example> consents() {
    return FhirFixtures.examples(ContractDocument.CONSENT);
  }

  @ParameterizedTest
  @MethodSource("submissions")
  void submissionBundleValidates(ContractFiles.Example example) {
    Bundle bundle = FHIR.submissionToBundle(example.json());
    assertThat(bundle.getMeta().getProfile().get(0).getValue())
        .isEqualTo(FhirNames.sd("FocusAssessmentBundle"));
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (!"Practitioner".equals(resource.fhirType())) {
        assertThat(resource.getMeta().getProfile()).as(resource.fhirType()).isNotEmpty();
      }
    }
    assertValid(bundle);
  }

  @ParameterizedTest
  @MethodSource("consents")
  void consentValidates(ContractFiles.Example example) {
    Consent consent = FHIR.consentToFhir(example.json());
    assertThat(consent.getMeta().getProfile().get(0).getValue())
        .isEqualTo(FhirNames.sd("FocusConsent"));
    assertValid(consent);
  }

  static void assertValid(IBaseResource resource) {
    List<Violation> errors = FhirFixtures.validation().validate(resource);
    assertThat(errors).as(() -> FhirFixtures.json(resource)).isEmpty();
  }
}

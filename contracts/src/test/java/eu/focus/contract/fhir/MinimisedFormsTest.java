package eu.focus.contract.fhir;

import static eu.focus.contract.fhir.FhirFixtures.FHIR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractFiles;
import eu.focus.contract.ContractValidator;
import eu.focus.contract.Minimisation;
import eu.focus.contract.Minimisation.Variant;
import eu.focus.contract.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record a recipient may get converts to a Bundle that the Focus profiles accept and comes
 * back unchanged: for each submission example, each class S1..S7 withheld or cut to its summary,
 * and everything but S0 withheld or summarised ({@link Minimisation}); as a record Bundle and
 * inside a delivery message. Forms that equal an earlier one are converted once.
 */
class MinimisedFormsTest {

  private static final ContractValidator CONTRACT = ContractValidator.load();

  static List<ContractFiles.Example> submissions() {
    return FhirFixtures.examples(ContractDocument.SUBMISSION);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("submissions")
  void everyMinimisedFormConvertsValidatesAndRoundTrips(ContractFiles.Example example) {
    JsonNode submission = example.json();
    Map<String, ObjectNode> forms = Minimisation.distinctForms(submission.get("record"));
    assertThat(forms).as("the stripper found something to withhold").isNotEmpty();
    List<String> failures = new ArrayList<>();
    forms.forEach(
        (variant, record) -> {
          // validated inside the delivery below: the same resources under the same Bundle profile,
          // plus the MessageHeader (one validation per form instead of two keeps this test quick)
          Bundle recordBundle = FHIR.recordToBundle(record);
          if (!FHIR.bundleToRecord(FhirFixtures.wire(recordBundle)).equals(record)) {
            failures.add(variant + ", record: round trip differs");
          }

          ObjectNode delivery = Minimisation.delivery(submission, record, variant);
          report(
              failures,
              variant + ", delivery (contract)",
              CONTRACT.validate(ContractDocument.DELIVERY_MESSAGE, delivery));
          Bundle deliveryBundle = FHIR.deliveryToBundle(delivery);
          report(
              failures, variant + ", delivery", FhirFixtures.validation().validate(deliveryBundle));
          if (!FHIR.bundleToDelivery(FhirFixtures.wire(deliveryBundle)).equals(delivery)) {
            failures.add(variant + ", delivery: round trip differs");
          }
        });
    assertThat(failures).as("forms: %s", forms.keySet()).isEmpty();
  }

  @Test
  void theStripperWithholdsByClassAndKeepsSummariesAndRouting() {
    JsonNode record =
        FhirFixtures.example("01-ro-victim-sexual-abuse.submission.json").get("record");
    JsonNode childRole =
        Minimisation.strip(record, new Variant("S3 summary", Set.of(), Set.of("S3")))
            .at("/case/childRoles/0");
    assertThat(childRole.has("role")).isTrue();
    assertThat(childRole.has("period")).as("S3, not in the summary").isFalse();

    ObjectNode noS5 = Minimisation.strip(record, new Variant("S5", Set.of("S5"), Set.of()));
    assertThat(noS5.at("/assessment/findings"))
        .extracting(f -> f.path("sensitivity").asText())
        .containsExactly("S2", "S3", "S4", "S6");
    assertThat(noS5.at("/child/communicationOrDisabilityNeeds").isMissingNode()).isTrue();

    ObjectNode noS2 = Minimisation.strip(record, new Variant("S2", Set.of("S2"), Set.of()));
    assertThat(noS2.has("assessment")).as("the assessment is S2 as a whole").isFalse();
    assertThat(noS2.get("provenance")).isEqualTo(record.get("provenance"));
    assertThat(noS2.get("assessors")).isEqualTo(record.get("assessors"));
  }

  private static void report(List<String> failures, String what, List<Violation> violations) {
    violations.forEach(v -> failures.add(what + ": " + v.pointer() + ": " + v.message()));
  }
}

package eu.focus.contract.fhir;

import static eu.focus.contract.fhir.FhirFixtures.FHIR;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/** The profiles load and snapshot; the derived terminology follows the contract; golden Bundle. */
class FhirProfilesTest {

  private static final Path GOLDEN =
      Path.of("src/test/resources/fhir/01-ro-victim-sexual-abuse.bundle.json");

  @Test
  void everyStructureDefinitionLoadsAndSnapshots() {
    List<StructureDefinition> definitions = FhirFixtures.validation().structureDefinitions();
    assertThat(definitions).hasSize(43);
    PrePopulatedValidationSupport focus = new PrePopulatedValidationSupport(FhirFixtures.CONTEXT);
    definitions.forEach(focus::addStructureDefinition);
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(FhirFixtures.CONTEXT),
            focus,
            new SnapshotGeneratingValidationSupport(FhirFixtures.CONTEXT));
    for (StructureDefinition sd : definitions) {
      assertThat(sd.getUrl()).startsWith(FhirNames.SD).endsWith("/" + sd.getIdPart());
      StructureDefinition snapshot =
          (StructureDefinition)
              chain.generateSnapshot(
                  new ValidationSupportContext(chain), sd, sd.getUrl(), null, sd.getName());
      assertThat(snapshot.getSnapshot().getElement()).as(sd.getUrl()).hasSizeGreaterThan(3);
    }
  }

  @Test
  void codeSystemsAreDerivedFromTheContract() {
    List<CodeSystem> systems = FhirFixtures.TERMINOLOGY.codeSystems();
    CodeSystem measures =
        systems.stream()
            .filter(cs -> cs.getUrl().equals(FhirNames.cs("measure")))
            .findFirst()
            .orElseThrow();
    assertThat(measures.getConcept())
        .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
        .containsExactlyElementsOf(FhirFixtures.TERMINOLOGY.codeLists().codes("measure"));
    CodeSystem domains =
        systems.stream()
            .filter(cs -> cs.getUrl().equals(FhirNames.cs("finding-domain")))
            .findFirst()
            .orElseThrow();
    assertThat(domains.getConcept()).extracting(c -> c.getCode()).contains("VICTIM_WISHES");
    // Guardian roles from HL7 v3 keep their system; only the Focus additions are local.
    assertThat(FhirFixtures.TERMINOLOGY.system("guardian-role", "MTH"))
        .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-RoleCode");
    assertThat(FhirFixtures.TERMINOLOGY.system("guardian-role", "SPECIAL_REPRESENTATIVE"))
        .isEqualTo(FhirNames.cs("guardian-role"));
  }

  /**
   * The Bundle of example 01 as checked in. To accept an intended change, delete the file and run
   * the test once: it writes the new one and fails, so the change shows up in review.
   */
  @Test
  void bundleOfExample01MatchesGoldenFile() throws IOException {
    Bundle bundle =
        FHIR.submissionToBundle(FhirFixtures.example("01-ro-victim-sexual-abuse.submission.json"));
    String actual = FhirFixtures.json(bundle);
    if (!Files.exists(GOLDEN)) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual + "\n", StandardCharsets.UTF_8);
      throw new AssertionError("wrote " + GOLDEN + "; check it and run again");
    }
    JsonNode expected = FhirFixtures.MAPPER.readTree(GOLDEN.toFile());
    assertThat(FhirFixtures.MAPPER.readTree(actual)).isEqualTo(expected);
  }

  @Test
  void auditEventExampleValidatesAgainstFocusAuditEvent() throws IOException {
    String json =
        new String(
            FhirProfilesTest.class
                .getResourceAsStream("/fhir/audit-event-disclosure.json")
                .readAllBytes(),
            StandardCharsets.UTF_8);
    AuditEvent event = FhirFixtures.CONTEXT.newJsonParser().parseResource(AuditEvent.class, json);
    assertThat(event.getMeta().getProfile().get(0).getValue())
        .isEqualTo(FhirNames.sd("FocusAuditEvent"));
    assertThat(FhirFixtures.validation().validate(event)).isEmpty();
    event.getEntity().clear();
    assertThat(FhirFixtures.validation().validate(event))
        .as("FocusAuditEvent requires the patient entity")
        .isNotEmpty();
  }

  @Test
  void aSuccessfulDisclosureMustNameItsPurposeButASecurityEventNeedNot() throws IOException {
    String json =
        new String(
            FhirProfilesTest.class
                .getResourceAsStream("/fhir/audit-event-disclosure.json")
                .readAllBytes(),
            StandardCharsets.UTF_8);
    AuditEvent disclosure =
        FhirFixtures.CONTEXT.newJsonParser().parseResource(AuditEvent.class, json);
    disclosure.getPurposeOfEvent().clear();
    assertThat(FhirFixtures.validation().validate(disclosure).toString()).contains("focus-ae-1");

    AuditEvent refused = disclosure.copy();
    refused.getType().setCode("110114").setDisplay("User Authentication");
    refused.setOutcome(AuditEvent.AuditEventOutcome._4);
    assertThat(FhirFixtures.validation().validate(refused)).isEmpty();
  }
}

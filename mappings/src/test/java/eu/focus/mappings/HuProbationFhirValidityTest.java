package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hu-probation system speaks FHIR R4, so its golden Bundles must be FHIR that a real server
 * accepts: every inbound input (what the service publishes) and every outbound expected output
 * (what the gateway POSTs) parses with HAPI's strict parser and validates against the base R4
 * specification, offline, without ERROR or FATAL messages.
 *
 * <p>The validator is configured the way an integrator without the service's profiles would run it:
 * base R4 structure definitions and terminology only. The service's local CodeSystems ({@code
 * https://pfsz.example.hu/fhir/CodeSystem/...}) cannot be resolved offline, so they are downgraded
 * to warnings ({@link UnknownCodeSystemWarningValidationSupport}); its extensions have no published
 * StructureDefinitions, so {@code setAnyExtensionsAllowed(true)} keeps an unknown extension URL
 * from being an error. HAPI's common code systems service checks Patient.communication languages
 * against Common Languages as if that binding were required (hapi-fhir issue 7959); R4 binds it as
 * preferred, and Hungarian, Ukrainian or Romani are not in that short list, so that one value set
 * is left to the in-memory terminology service, which reports it as information, as the
 * specification intends. Everything else (cardinality, types, required bindings of core codes,
 * invariants, Bundle rules) is checked as a server would.
 */
class HuProbationFhirValidityTest {

  private static final String SYSTEM = "hu-probation";
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirValidator validator;

  /** Every Bundle of the system's golden cases: inbound inputs and outbound expected outputs. */
  static List<GoldenCase> fhirDocuments() {
    return GoldenCase.all(MappingRegistry.load()).stream()
        .filter(c -> c.system().id().equals(SYSTEM))
        .filter(c -> c.inbound() || c.expected().isPresent())
        .toList();
  }

  /**
   * The Bundles that are mapped: all but the inbound error cases, whose input may deliberately be
   * another kind of Bundle (a search result) that the mapping must refuse.
   */
  static List<GoldenCase> mappedDocuments() {
    return fhirDocuments().stream().filter(c -> c.expected().isPresent()).toList();
  }

  @Test
  void theSystemHasInboundAndOutboundBundlesToCheck() {
    assertThat(fhirDocuments()).anyMatch(GoldenCase::inbound).anyMatch(c -> !c.inbound());
  }

  @BeforeAll
  static void warmTheValidator() {
    UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
        new UnknownCodeSystemWarningValidationSupport(FHIR);
    unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(FHIR),
            new BindingStrengthRespectingCommonCodeSystems(FHIR),
            new InMemoryTerminologyServerValidationSupport(FHIR),
            new SnapshotGeneratingValidationSupport(FHIR),
            unknownCodeSystems);
    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
    instanceValidator.setAnyExtensionsAllowed(true);
    validator = FHIR.newValidator().registerValidatorModule(instanceValidator);
    // The first validation loads the whole R4 specification (several seconds); do it once here,
    // not inside the first case's timing.
    validator.validateWithResult("{\"resourceType\": \"Bundle\", \"type\": \"collection\"}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fhirDocuments")
  void goldenBundleIsValidFhirR4(GoldenCase golden) {
    String json = bundleOf(golden);

    strictParser().parseResource(Bundle.class, json);

    assertThat(errors(json)).as("ERROR/FATAL validation messages").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mappedDocuments")
  void everyEntryHasAUuidFullUrlAndEveryReferenceResolvesInsideTheBundle(GoldenCase golden) {
    Bundle bundle = strictParser().parseResource(Bundle.class, bundleOf(golden));

    assertThat(bundle.getType())
        .isEqualTo(golden.inbound() ? Bundle.BundleType.COLLECTION : Bundle.BundleType.TRANSACTION);

    Set<String> fullUrls = new HashSet<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      assertThat(entry.getFullUrl()).startsWith("urn:uuid:");
      assertThat(fullUrls.add(entry.getFullUrl())).as("unique fullUrl").isTrue();
      if (!golden.inbound()) {
        assertThat(entry.getRequest().getMethod())
            .isIn(Bundle.HTTPVerb.POST, Bundle.HTTPVerb.PATCH);
      }
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      for (Reference reference :
          FHIR.newTerser()
              .getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
        if (reference.hasReference()) {
          assertThat(fullUrls).as("target of a reference").contains(reference.getReference());
        }
      }
    }
  }

  @Test
  void validatorReportsABrokenResourceSoThatTheCheckAboveIsNotVacuous() {
    String noIntent =
        """
        {"resourceType": "Bundle", "type": "collection", "entry": [{
          "fullUrl": "urn:uuid:7d0b4c1e-0000-4000-8000-000000000001",
          "resource": {"resourceType": "ServiceRequest", "status": "draft",
            "subject": {"display": "a child"}}}]}
        """;

    assertThat(errors(noIntent)).anyMatch(m -> m.contains("ServiceRequest.intent"));
  }

  @Test
  void unknownLocalExtensionIsNotAnErrorButABadCoreCodeIs() {
    String withLocalExtension =
        """
        {"resourceType": "Bundle", "type": "collection", "entry": [{
          "fullUrl": "urn:uuid:7d0b4c1e-0000-4000-8000-000000000002",
          "resource": {"resourceType": "Patient",
            "extension": [{"url": "https://pfsz.example.hu/fhir/StructureDefinition/x",
              "valueBoolean": true}],
            "gender": "%s"}}]}
        """;

    assertThat(errors(withLocalExtension.formatted("female"))).isEmpty();
    assertThat(errors(withLocalExtension.formatted("girl"))).isNotEmpty();
  }

  @Test
  void aLanguageOutsideCommonLanguagesIsNotAnError() {
    String romani =
        """
        {"resourceType": "Bundle", "type": "collection", "entry": [{
          "fullUrl": "urn:uuid:7d0b4c1e-0000-4000-8000-000000000003",
          "resource": {"resourceType": "Patient", "communication": [{"language": {"coding": [
            {"system": "urn:ietf:bcp:47", "code": "rom"}]}, "preferred": true}]}}]}
        """;

    assertThat(errors(romani)).isEmpty();
  }

  @Test
  void strictParserRejectsAnElementFhirDoesNotDefine() {
    String misspelt = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entri\": \"x\"}";

    assertThatThrownBy(() -> strictParser().parseResource(Bundle.class, misspelt))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("entri");
  }

  /**
   * The common code systems (BCP-47, ISO 3166, UCUM, MIME types) without the Common Languages value
   * set, which it treats as a required binding although R4 binds it as preferred.
   */
  private static final class BindingStrengthRespectingCommonCodeSystems
      extends CommonCodeSystemsTerminologyService {

    private static final String COMMON_LANGUAGES = "http://hl7.org/fhir/ValueSet/languages";

    BindingStrengthRespectingCommonCodeSystems(FhirContext fhir) {
      super(fhir);
    }

    @Override
    public boolean isValueSetSupported(ValidationSupportContext context, String valueSetUrl) {
      return !COMMON_LANGUAGES.equals(valueSetUrl)
          && super.isValueSetSupported(context, valueSetUrl);
    }
  }

  private static String bundleOf(GoldenCase golden) {
    return golden.read(golden.inbound() ? golden.input() : golden.expected().orElseThrow());
  }

  private static IParser strictParser() {
    return FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
  }

  private static List<String> errors(String json) {
    List<String> errors = new ArrayList<>();
    for (SingleValidationMessage message : validator.validateWithResult(json).getMessages()) {
      if (message.getSeverity() == ResultSeverityEnum.ERROR
          || message.getSeverity() == ResultSeverityEnum.FATAL) {
        errors.add(message.getLocationString() + ": " + message.getMessage());
      }
    }
    return errors;
  }
}

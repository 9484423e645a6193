package eu.focus.contract.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.contract.ContractSchemas;
import eu.focus.contract.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Validates FHIR resources against base R4 and the Focus profiles, offline: the base R4
 * definitions, the Focus StructureDefinitions from {@code focus/contract/v1/fhir/} (differential
 * only; snapshots are generated on first use), the Focus code systems and value sets derived from
 * the contract ({@link FocusTerminology}), BCP-47/ISO 3166/UCUM from HAPI's common code systems,
 * and in-memory expansion. Code systems nobody here knows (LOINC, DICOM) give warnings, not errors,
 * where the binding allows other codes; Focus codes and profile constraints give errors.
 *
 * <p>The chain caches its own answers (HAPI 8 deprecated the separate caching wrapper). The first
 * validation takes seconds: call {@link #warmUp()} at start-up. Thread-safe; build one per
 * application.
 */
public final class ContractFhirValidation {

  /** Where the Focus StructureDefinitions are, named by {@code index.json}. */
  public static final String RESOURCE_DIR = ContractSchemas.RESOURCE_DIR + "fhir/";

  private final FhirContext context;
  private final FhirValidator validator;
  private final List<StructureDefinition> structureDefinitions;

  public ContractFhirValidation(FhirContext context) {
    this(context, FocusTerminology.load());
  }

  public ContractFhirValidation(FhirContext context, FocusTerminology terminology) {
    this.context = context;
    this.structureDefinitions = loadStructureDefinitions(context);
    PrePopulatedValidationSupport focus = new PrePopulatedValidationSupport(context);
    structureDefinitions.forEach(focus::addStructureDefinition);
    terminology.codeSystems().forEach(focus::addCodeSystem);
    terminology.valueSets().forEach(focus::addValueSet);
    focus.addCodeSystem(terminology.languageFragment());
    // In-memory validation before the common code systems, so that the contract's languages
    // (a BCP-47 fragment above) are checked against the contract and not against HAPI's short list.
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(context),
            focus,
            new InMemoryTerminologyServerValidationSupport(context),
            new CommonCodeSystemsTerminologyService(context),
            new SnapshotGeneratingValidationSupport(context),
            new UnknownCodeSystemWarningValidationSupport(context));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    module.setErrorForUnknownProfiles(true);
    module.setAnyExtensionsAllowed(false);
    this.validator = context.newValidator().registerValidatorModule(module);
  }

  /** The Focus profiles and extensions as shipped (differential only), in index order. */
  public List<StructureDefinition> structureDefinitions() {
    return structureDefinitions.stream().map(StructureDefinition::copy).toList();
  }

  /**
   * The errors (and fatal errors) of a resource against base R4 and the profiles it declares in
   * {@code meta.profile}; each at the validator's FHIRPath location. Warnings and information are
   * left out.
   */
  public List<Violation> validate(IBaseResource resource) {
    ValidationResult result = validator.validateWithResult(resource);
    List<Violation> errors = new ArrayList<>();
    for (SingleValidationMessage message : result.getMessages()) {
      if (message.getSeverity() == ResultSeverityEnum.ERROR
          || message.getSeverity() == ResultSeverityEnum.FATAL) {
        errors.add(
            new Violation(
                message.getLocationString() == null ? "" : message.getLocationString(),
                message.getMessage()));
      }
    }
    return errors;
  }

  /** Every message of a validation, for diagnostics. */
  public ValidationResult validateWithResult(IBaseResource resource) {
    return validator.validateWithResult(resource);
  }

  /** Loads definitions and builds snapshots now, so the first real validation is fast. */
  public void warmUp() {
    Patient patient = new Patient();
    patient.getMeta().addProfile(FhirNames.sd("FocusChild"));
    patient.addName().setFamily("Warm-up");
    validate(patient);
  }

  private static List<StructureDefinition> loadStructureDefinitions(FhirContext context) {
    IParser parser = context.newJsonParser();
    JsonNode index = read(RESOURCE_DIR + "index.json");
    List<StructureDefinition> result = new ArrayList<>();
    for (JsonNode file : index.path("structureDefinitions")) {
      String path = RESOURCE_DIR + file.asText();
      try (InputStream in = resource(path)) {
        result.add(
            parser.parseResource(
                StructureDefinition.class, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(path, e);
      }
    }
    return List.copyOf(result);
  }

  private static JsonNode read(String path) {
    try (InputStream in = resource(path)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = ContractFhirValidation.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing resource " + path);
    }
    return in;
  }
}

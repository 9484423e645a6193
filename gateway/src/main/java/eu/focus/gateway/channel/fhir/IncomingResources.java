package eu.focus.gateway.channel.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import eu.focus.contract.Violation;
import eu.focus.contract.fhir.ContractFhirValidation;
import eu.focus.gateway.problem.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a resource from a request body and checks it, the same way for {@code create} and {@code
 * $validate}. HAPI's default parser is lenient: it drops elements it does not know and values it
 * cannot read, so a misspelt element would vanish without a word. Here every such parser complaint
 * is kept as a violation, next to the validator's errors (FHIR R4 and the Focus profiles).
 */
@Component
public class IncomingResources {

  /** A parsed resource and what the parser had to drop or could not read. */
  public record Parsed<T extends Resource>(T resource, List<Violation> parseIssues) {}

  private final FhirContext fhir;
  private final ContractFhirValidation validation;

  public IncomingResources(FhirContext fhir, ContractFhirValidation validation) {
    this.fhir = fhir;
    this.validation = validation;
  }

  /**
   * Parses the body as the given type; a {@code $validate} Parameters wrapper (parameter {@code
   * resource}) is unwrapped.
   *
   * @throws ApiException 400 when the body is not FHIR JSON or not of the expected type
   */
  public <T extends Resource> Parsed<T> parse(String body, Class<T> type) {
    Collector issues = new Collector(fhir.getResourceType(type));
    IBaseResource parsed;
    try {
      if (body == null || body.isBlank()) {
        throw new DataFormatException("empty body");
      }
      parsed = fhir.newJsonParser().setParserErrorHandler(issues).parseResource(body);
    } catch (DataFormatException e) {
      throw FhirExceptionTranslator.malformed();
    }
    if (parsed instanceof Parameters p && type != Parameters.class) {
      parsed =
          p.getParameter().stream()
              .filter(x -> "resource".equals(x.getName()) && x.hasResource())
              .map(x -> (IBaseResource) x.getResource())
              .findFirst()
              .orElse(parsed);
    }
    if (!type.isInstance(parsed)) {
      String expected = fhir.getResourceType(type);
      throw ApiException.of(
          HttpStatus.BAD_REQUEST,
          "wrong-resource-type",
          "Expected a " + expected + " resource, got " + fhir.getResourceType(parsed));
    }
    return new Parsed<>(type.cast(parsed), List.copyOf(issues.violations));
  }

  /**
   * Every violation: the parser's complaints, then the validator's errors against FHIR R4 and the
   * Focus profile of the resource type. The validator checks the profiles a resource declares, so
   * the required one is declared here when the sender left it out.
   */
  public List<Violation> check(Parsed<?> parsed) {
    Resource resource = parsed.resource();
    String required = FhirChannelConfiguration.PROFILES.get(resource.fhirType());
    if (required != null && !resource.getMeta().hasProfile(required)) {
      resource.getMeta().addProfile(required);
    }
    List<Violation> all = new ArrayList<>(parsed.parseIssues());
    all.addAll(validation.validate(resource));
    return all;
  }

  /**
   * Parses and checks the body.
   *
   * @throws ApiException 400 when it is not FHIR JSON of that type, 422 listing every violation
   */
  public <T extends Resource> T require(String body, Class<T> type) {
    Parsed<T> parsed = parse(body, type);
    List<Violation> violations = check(parsed);
    if (!violations.isEmpty()) {
      throw ApiException.invalid(
          violations.size() + " violation(s) of FHIR R4 and the Focus profiles", violations);
    }
    return parsed.resource();
  }

  /** Keeps what the lenient parser would only log. Messages name elements, never values. */
  private static final class Collector implements IParserErrorHandler {
    final List<Violation> violations = new ArrayList<>();
    private final String resourceType;

    Collector(String resourceType) {
      this.resourceType = resourceType;
    }

    /** Located at the parent element HAPI names, or at the resource when it names none. */
    private void add(IParseLocation where, String message) {
      String parent = where == null ? null : where.getParentElementName();
      violations.add(new Violation(parent == null ? resourceType : parent, message));
    }

    @Override
    public void containedResourceWithNoId(IParseLocation where) {
      add(where, "a contained resource has no id");
    }

    @Override
    public void incorrectJsonType(
        IParseLocation where,
        String element,
        BaseJsonLikeValue.ValueType expected,
        BaseJsonLikeValue.ScalarType expectedScalar,
        BaseJsonLikeValue.ValueType found,
        BaseJsonLikeValue.ScalarType foundScalar) {
      add(where, "element '" + element + "' must be a JSON " + expected + ", found " + found);
    }

    @Override
    public void invalidValue(IParseLocation where, String value, String error) {
      add(where, "invalid value (" + (error == null ? "not readable" : error) + ")");
    }

    @Override
    public void missingRequiredElement(IParseLocation where, String element) {
      add(where, "required element '" + element + "' is missing");
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation where, String element) {
      add(where, "element '" + element + "' must not repeat");
    }

    @Override
    public void unknownAttribute(IParseLocation where, String attribute) {
      add(where, "unknown attribute '" + attribute + "'");
    }

    @Override
    public void unknownElement(IParseLocation where, String element) {
      add(where, "unknown element '" + element + "'");
    }

    @Override
    public void unknownReference(IParseLocation where, String reference) {
      add(where, "reference to an unknown contained resource");
    }

    @Override
    public void invalidInternalReference(IParseLocation where, String reference) {
      add(where, "invalid internal reference");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation where) {
      add(where, "an extension has both a value and nested extensions");
    }
  }
}

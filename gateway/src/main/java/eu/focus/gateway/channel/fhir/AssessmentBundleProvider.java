package eu.focus.gateway.channel.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.contract.fhir.ContractFhir;
import eu.focus.gateway.access.RecordAccessService;
import eu.focus.gateway.intake.IntakeService;
import eu.focus.gateway.intake.SubmissionResult;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.record.RecordFilter;
import eu.focus.gateway.security.CallerArgumentResolver;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;

/**
 * Assessment records as FocusAssessmentBundles: submit ({@code POST /fhir/Bundle}), read ({@code
 * GET /fhir/Bundle/<recordId>[/_history/<version>]}), search ({@code GET /fhir/Bundle?...}) and
 * {@code $validate}. A submission's Bundle is validated, converted to a contract v1 submission and
 * handed to the same intake as REST; a read is the caller's minimised view, converted back.
 */
public class AssessmentBundleProvider implements IResourceProvider {

  static final String CHANNEL = "FHIR";
  static final int MAX_RESULTS = 100;

  private final IncomingResources incoming;
  private final ContractFhir convert;
  private final IntakeService intake;
  private final RecordAccessService access;

  public AssessmentBundleProvider(
      IncomingResources incoming,
      ContractFhir convert,
      IntakeService intake,
      RecordAccessService access) {
    this.incoming = incoming;
    this.convert = convert;
    this.intake = intake;
    this.access = access;
  }

  @Override
  public Class<Bundle> getResourceType() {
    return Bundle.class;
  }

  /**
   * A submission. 201 with {@code Location: Bundle/<recordId>/_history/<version>}; the body is the
   * submission result ({@link SubmissionResults}).
   */
  @Create
  public MethodOutcome submit(@ResourceParam String body) {
    Bundle bundle = incoming.require(body, Bundle.class);
    JsonNode submission = convert.bundleToSubmission(bundle);
    SubmissionResult result =
        intake.submit(CallerArgumentResolver.current(), submission, null, CHANNEL);
    IdType id = new IdType("Bundle", result.recordId(), String.valueOf(result.version()));
    return new MethodOutcome(id, true)
        .setResource(SubmissionResults.toParameters(result))
        .setOperationOutcome(SubmissionResults.toOutcome(result));
  }

  @Read(version = true)
  public Bundle read(@IdParam IdType id) {
    Integer version = null;
    if (id.hasVersionIdPart()) {
      if (!id.isVersionIdPartValidLong()) {
        throw ApiException.notFound("Record " + id.getIdPart() + " version");
      }
      version = Math.toIntExact(id.getVersionIdPartAsLong());
    }
    RecordAccessService.View view =
        access.read(CallerArgumentResolver.current(), id.getIdPart(), version, CHANNEL);
    return toBundle(view, null);
  }

  /**
   * The records the caller may see: those its agency authored and those delivered to it (each read,
   * minimised and audited as a read), newest first, at most {@value #MAX_RESULTS}.
   *
   * @param identifier the record id (the Bundle's identifier value)
   * @param subject the subject pseudonym the gateway gave the child
   * @param lastUpdated when the gateway stored the version
   */
  @Search
  public List<Bundle> search(
      @OptionalParam(name = Bundle.SP_IDENTIFIER) TokenParam identifier,
      @OptionalParam(name = "_id") TokenParam resourceId,
      @OptionalParam(name = "subject") TokenParam subject,
      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
      @Count Integer count) {
    String recordId = identifier != null ? recordIdOf(identifier) : null;
    if (resourceId != null) {
      if (recordId != null && !recordId.equals(resourceId.getValue())) {
        return List.of();
      }
      recordId = resourceId.getValue();
    }
    Instant from = lastUpdated == null ? null : instant(lastUpdated.getLowerBoundAsInstant());
    Instant to = lastUpdated == null ? null : instant(lastUpdated.getUpperBoundAsInstant());
    int limit = count == null ? MAX_RESULTS : Math.max(0, Math.min(count, MAX_RESULTS));
    RecordFilter filter =
        new RecordFilter(recordId, subject == null ? null : subject.getValue(), from, to);
    return access.search(CallerArgumentResolver.current(), filter, limit, CHANNEL).stream()
        .map(found -> toBundle(found.view(), found.storedAt()))
        .toList();
  }

  /** Type level ({@code /$validate}) or instance level ({@code /<id>/$validate}, id ignored). */
  @Validate
  public MethodOutcome validate(
      @ResourceParam String body, @IdParam(optional = true) IdType ignoredId) {
    var parsed = incoming.parse(body, Bundle.class);
    return new MethodOutcome().setOperationOutcome(FhirOutcomes.validation(incoming.check(parsed)));
  }

  private Bundle toBundle(RecordAccessService.View view, Instant storedAt) {
    Bundle bundle = convert.recordToBundle(view.record());
    bundle.setId(new IdType("Bundle", view.recordId(), String.valueOf(view.version())));
    bundle.getMeta().setVersionId(String.valueOf(view.version()));
    if (storedAt != null) {
      bundle.getMeta().setLastUpdated(Date.from(storedAt));
    }
    return bundle;
  }

  /** The record id in an identifier token: its value, without a {@code urn:uuid:} prefix. */
  private static String recordIdOf(TokenParam identifier) {
    String value = identifier.getValue();
    return value != null && value.startsWith("urn:uuid:") ? value.substring(9) : value;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}

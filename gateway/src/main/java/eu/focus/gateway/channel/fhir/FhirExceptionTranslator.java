package eu.focus.gateway.channel.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import eu.focus.contract.Violation;
import eu.focus.contract.fhir.ContractFhirException;
import eu.focus.gateway.problem.ApiException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

/**
 * Declares once how every failure on the FHIR channel is answered (the FHIR counterpart of {@code
 * ProblemAdvice}): an {@link ApiException} keeps its status, code, rule and violations; a failed
 * conversion is 422; HAPI's own refusals keep their status but get a fixed text, because HAPI's
 * messages may quote the request (and the request may hold personal data); anything unexpected is a
 * 500 without details, logged by class name only.
 */
@Interceptor
public class FhirExceptionTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(FhirExceptionTranslator.class);

  /** Marks exceptions this class made, so they pass through unchanged. */
  static final class Translated extends UnclassifiedServerFailureException {
    Translated(HttpStatus status, String code, String detail, String rule, List<Violation> errors) {
      super(status.value(), detail, FhirOutcomes.error(status, code, detail, rule, errors));
    }
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException translate(RequestDetails request, Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Translated done) {
        return done;
      }
      if (t instanceof ApiException e) {
        return new Translated(e.status(), e.code(), e.getMessage(), e.rule(), e.errors());
      }
      if (t instanceof ContractFhirException e) {
        return new Translated(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "contract-violation",
            e.violations().size() + " violation(s): the resource does not map to contract v1",
            null,
            e.violations());
      }
      if (t instanceof DuplicateKeyException) {
        return new Translated(
            HttpStatus.CONFLICT,
            "conflict",
            "A concurrent request stored the same message or version first",
            null,
            null);
      }
      if (t instanceof DataAccessResourceFailureException) {
        LOG.warn("Database unavailable: {}", t.getClass().getSimpleName());
        return new Translated(
            HttpStatus.SERVICE_UNAVAILABLE,
            "unavailable",
            "The gateway's database is unavailable; nothing was stored. Try again later.",
            null,
            null);
      }
      if (t instanceof DataFormatException) {
        return malformed();
      }
    }
    if (thrown instanceof BaseServerResponseException hapi
        && (hapi.getStatusCode() < 500 || hapi.getStatusCode() == 501)) {
      return fromHapi(request, hapi);
    }
    LOG.error(
        "Unexpected failure on FHIR {} {}: {}",
        request == null ? "?" : request.getRequestType(),
        request == null ? "?" : request.getRequestPath(),
        thrown.getClass().getName()
            + (thrown.getCause() == null ? "" : " < " + thrown.getCause().getClass().getName()));
    return new Translated(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "The gateway failed unexpectedly; nothing was stored",
        null,
        null);
  }

  static Translated malformed() {
    return new Translated(
        HttpStatus.BAD_REQUEST,
        "malformed",
        "The request body is not a well-formed FHIR R4 JSON resource",
        null,
        null);
  }

  /**
   * HAPI's refusals (body not parseable, unknown type or operation, bad parameter, ...) in our
   * words. HAPI parses a create's body before the provider is called and reports a failure as
   * {@code HAPI-0450}; {@code HAPI-1814} within it means a resource of another type. HAPI's message
   * codes are stable across versions, its texts are not.
   */
  private static Translated fromHapi(RequestDetails request, BaseServerResponseException e) {
    HttpStatus status = HttpStatus.resolve(e.getStatusCode());
    if (status == null) {
      status = HttpStatus.BAD_REQUEST;
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (status == HttpStatus.BAD_REQUEST && message.contains("HAPI-0450")) {
      if (message.contains("HAPI-1814")) {
        return new Translated(
            status,
            "wrong-resource-type",
            "Expected a "
                + (request == null ? "different" : request.getResourceName())
                + " resource",
            null,
            null);
      }
      return malformed();
    }
    return switch (status) {
      case NOT_FOUND ->
          new Translated(status, "not-found", "No such resource on this server", null, null);
      case METHOD_NOT_ALLOWED ->
          new Translated(
              status, "method-not-allowed", "This interaction is not supported here", null, null);
      case NOT_IMPLEMENTED ->
          new Translated(
              status, "not-supported", "This interaction is not supported here", null, null);
      default ->
          new Translated(
              status,
              "bad-request",
              "The request is not valid for this server (see its CapabilityStatement)",
              null,
              null);
    };
  }
}

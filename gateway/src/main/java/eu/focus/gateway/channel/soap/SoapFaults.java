package eu.focus.gateway.channel.soap;

import eu.focus.contract.xml.ContractXmlException;
import eu.focus.gateway.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

/**
 * Maps every failure of a SOAP operation to its {@link FocusFault}, as {@code api.ProblemAdvice}
 * maps it to a problem document for REST: the same codes, statuses and details, so that a caller
 * learns the same whichever channel it uses. Bad input is never a Server fault.
 */
final class SoapFaults {

  private static final Logger LOG = LoggerFactory.getLogger(SoapFaults.class);

  private SoapFaults() {}

  static FocusFault of(Throwable e) {
    if (e instanceof ApiException api) {
      return FocusFault.of(api);
    }
    if (e instanceof ContractXmlException xml) {
      return FocusFault.of(
          ApiException.invalid(
              xml.violations().size() + " violation(s) of contract v1", xml.violations()));
    }
    if (e instanceof DuplicateKeyException) {
      return FocusFault.of(
          HttpStatus.CONFLICT,
          "conflict",
          "A concurrent request stored the same message or version first");
    }
    if (e instanceof DataAccessResourceFailureException) {
      LOG.warn("Database unavailable: {}", e.getClass().getSimpleName());
      return FocusFault.of(
          HttpStatus.SERVICE_UNAVAILABLE,
          "unavailable",
          "The gateway's database is unavailable; nothing was stored. Try again later.");
    }
    // Class name only: exception messages may quote input, and input may be personal data.
    LOG.error("Unexpected failure of a SOAP operation: {}", e.getClass().getName());
    return FocusFault.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "The gateway failed unexpectedly; nothing was stored");
  }
}

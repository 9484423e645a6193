package eu.focus.gateway.national;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.Violation;
import eu.focus.gateway.api.ApiException;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.intake.IntakeService;
import eu.focus.gateway.intake.SubmissionResult;
import eu.focus.gateway.security.Caller;
import eu.focus.mappings.Mapping;
import eu.focus.mappings.MappingError;
import eu.focus.mappings.MappingResult;
import eu.focus.mappings.NationalSystem;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A national system sends an assessment in its own format: the inbound mapping turns it into a
 * contract v1 submission, which then takes exactly the path of any other submission. A message that
 * cannot be mapped is refused with every error (system, field, value), nothing is stored, and the
 * refusal is audited.
 */
@Service
public class NationalIntakeService {

  /**
   * The channel name recorded in the audit log for submissions that arrived in a national format.
   */
  public static final String CHANNEL = "NATIONAL";

  private final Mapping mapping;
  private final IntakeService intake;
  private final AuditLog audit;
  private final TransactionTemplate tx;

  public NationalIntakeService(
      Mapping mapping, IntakeService intake, AuditLog audit, TransactionTemplate tx) {
    this.mapping = mapping;
    this.intake = intake;
    this.audit = audit;
    this.tx = tx;
  }

  public SubmissionResult submit(Caller caller, String systemId, String nationalPayload) {
    NationalSystem system =
        mapping
            .registry()
            .system(systemId)
            .orElseThrow(() -> ApiException.notFound("National system " + systemId));
    if (!system.agencyId().equals(caller.agencyId())) {
      throw ApiException.forbidden(
          "AUTH-SYSTEM-AGENCY",
          "System " + systemId + " sends for " + system.agencyId() + ", not " + caller.agencyId());
    }
    MappingResult<ObjectNode> mapped = mapping.inbound(systemId, nationalPayload);
    if (!mapped.isSuccess()) {
      List<MappingError> errors = mapped.errors();
      tx.executeWithoutResult(
          s ->
              audit.append(
                  AuditEvent.of(AuditAction.REJECTED, "DENY")
                      .actor(caller.agencyId(), caller.person(), caller.primaryRole())
                      .correlation(null, CHANNEL)
                      .reason(
                          "MAPPING-FAILED "
                              + systemId
                              + ": "
                              + errors.size()
                              + " error(s), first at "
                              + errors.get(0).field())));
      throw ApiException.invalid(
          "The "
              + systemId
              + " message cannot be mapped to contract v1: "
              + errors.size()
              + " error(s)",
          errors.stream().map(NationalIntakeService::violation).toList());
    }
    return intake.submit(caller, mapped.value(), null, CHANNEL);
  }

  /** The error as the problem document lists it: where in the national message, and what. */
  private static Violation violation(MappingError e) {
    String value = e.value() == null ? "" : " (value '" + e.value() + "')";
    return new Violation(e.field(), e.system() + ": " + e.message() + value);
  }
}

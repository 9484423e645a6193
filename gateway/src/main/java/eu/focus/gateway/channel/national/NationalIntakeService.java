package eu.focus.gateway.channel.national;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.adapters.inbound.InboxRejectedException;
import eu.focus.adapters.inbound.NationalInbox;
import eu.focus.contract.Violation;
import eu.focus.gateway.agency.SystemFile;
import eu.focus.gateway.agency.SystemRegistry;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.intake.IntakeService;
import eu.focus.gateway.intake.SourceMessage;
import eu.focus.gateway.intake.SubmissionResult;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.security.Caller;
import eu.focus.gateway.security.CallerArgumentResolver;
import eu.focus.mappings.Mapping;
import eu.focus.mappings.MappingError;
import eu.focus.mappings.MappingResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A national system sends an assessment in its own format, by whatever channel its system file
 * names (the national REST endpoint, a SOAP endpoint, a file drop, a poll): the system's inbound
 * mapping turns it into a contract v1 submission, which then takes exactly the path of any other
 * submission. A message that cannot be mapped is refused with every error (system, field, value),
 * nothing is stored, and the refusal is audited.
 *
 * <p>Each message is taken in once: its message id (given by the channel) is stored with the
 * exchange it became, in the same transaction, and a message read again gets the first exchange
 * back.
 */
@Service
public class NationalIntakeService implements NationalInbox {

  /**
   * The channel name recorded in the audit log for submissions that arrived in a national format.
   */
  public static final String CHANNEL = "NATIONAL";

  private final SystemRegistry systems;
  private final Mapping mapping;
  private final IntakeService intake;
  private final AuditLog audit;
  private final TransactionTemplate tx;

  public NationalIntakeService(
      SystemRegistry systems,
      Mapping mapping,
      IntakeService intake,
      AuditLog audit,
      TransactionTemplate tx) {
    this.systems = systems;
    this.mapping = mapping;
    this.intake = intake;
    this.audit = audit;
    this.tx = tx;
  }

  /**
   * A message from an authenticated caller (the national REST endpoint).
   *
   * @param messageId the caller's {@code Idempotency-Key}, or null
   */
  public SubmissionResult submit(
      Caller caller, String systemId, String nationalPayload, String messageId) {
    SystemFile system =
        systems
            .find(systemId)
            .orElseThrow(() -> ApiException.notFound("National system " + systemId));
    if (!system.agency().equals(caller.agencyId())) {
      throw ApiException.forbidden(
          "AUTH-SYSTEM-AGENCY",
          "System " + systemId + " sends for " + system.agency() + ", not " + caller.agencyId());
    }
    if (messageId != null) {
      Optional<String> earlier = intake.earlierExchange(new SourceMessage(systemId, messageId));
      if (earlier.isPresent()) {
        throw ApiException.of(
            org.springframework.http.HttpStatus.CONFLICT,
            "duplicate-message",
            "This message was already taken in as exchange " + earlier.get());
      }
    }
    MappingResult<ObjectNode> mapped = mapping.inbound(system.mapping(), nationalPayload);
    if (!mapped.isSuccess()) {
      List<MappingError> errors = mapped.errors();
      auditRefusal(caller, systemId, errors);
      throw ApiException.invalid(
          "The "
              + systemId
              + " message cannot be mapped to contract v1: "
              + errors.size()
              + " error(s)",
          errors.stream().map(NationalIntakeService::violation).toList());
    }
    return intake.submit(
        caller,
        mapped.value(),
        null,
        CHANNEL,
        messageId == null ? null : new SourceMessage(systemId, messageId));
  }

  /**
   * A message read by an inbound connector. When it arrives through a pushed request (a SOAP
   * endpoint), the request's authenticated caller must be the system's agency; a message the
   * gateway fetched itself (a file, a poll) is attributed to the system named in the gateway's own
   * configuration.
   */
  @Override
  public Receipt receive(String systemId, String messageId, String payload) {
    SystemFile system =
        systems
            .find(systemId)
            .orElseThrow(() -> new IllegalStateException("No system file for " + systemId));
    Caller caller =
        SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken
            ? CallerArgumentResolver.current()
            : new Caller(system.agency(), "system:" + systemId, Set.of(Caller.AGENCY));
    Optional<String> earlier = intake.earlierExchange(new SourceMessage(systemId, messageId));
    if (earlier.isPresent()) {
      return new Receipt(earlier.get(), true);
    }
    try {
      return new Receipt(submit(caller, systemId, payload, messageId).exchangeId(), false);
    } catch (DuplicateKeyException race) {
      // Another instance took the same message in at the same moment.
      return intake
          .earlierExchange(new SourceMessage(systemId, messageId))
          .map(id -> new Receipt(id, true))
          .orElseThrow(() -> race);
    } catch (ApiException e) {
      List<String> lines =
          e.errors().isEmpty()
              ? List.of(e.getMessage())
              : e.errors().stream().map(v -> v.pointer() + ": " + v.message()).toList();
      String code = e.rule() != null ? e.rule() : e.code();
      throw new InboxRejectedException(code, e.getMessage(), lines);
    }
  }

  private void auditRefusal(Caller caller, String systemId, List<MappingError> errors) {
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
  }

  /** The error as the problem document lists it: where in the national message, and what. */
  private static Violation violation(MappingError e) {
    String value = e.value() == null ? "" : " (value '" + e.value() + "')";
    return new Violation(e.field(), e.system() + ": " + e.message() + value);
  }
}

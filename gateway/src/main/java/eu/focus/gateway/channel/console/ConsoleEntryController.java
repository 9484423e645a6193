package eu.focus.gateway.channel.console;

import eu.focus.gateway.audit.AuditEntry;
import eu.focus.gateway.audit.AuditField;
import eu.focus.gateway.audit.merkle.AuditLogService;
import eu.focus.gateway.audit.merkle.AuditLogService.EntryCheck;
import eu.focus.gateway.audit.merkle.AuditLogService.InclusionProof;
import eu.focus.gateway.auditor.AuditEntryReader;
import eu.focus.gateway.problem.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One entry with every field. Reading it is audited with the entry's own subject and record, so
 * "who looked at this child's entries" has an answer. The page also checks the entry's inclusion
 * proof against the latest signed checkpoint ({@link AuditLogService#checkEntry}), so an auditor
 * sees on the spot whether the row shown is the one the gateway signed for.
 */
@Controller
@ConditionalOnConsole
public class ConsoleEntryController {

  private static final Pattern ENTRY_ID =
      Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  private final AuditEntryReader reader;
  private final ConsoleAudit audit;
  private final AuditLogService log;

  public ConsoleEntryController(AuditEntryReader reader, ConsoleAudit audit, AuditLogService log) {
    this.reader = reader;
    this.audit = audit;
    this.log = log;
  }

  /** What the proof check says about the entry. */
  public enum ProofState {
    /** The checkpoint's signature and the inclusion proof both hold. */
    VERIFIED,
    /** The entry is not yet covered by a signed checkpoint (it joins at the next one). */
    PENDING,
    /** The signature, the proof or the entry's place in the log is wrong. */
    FAILED
  }

  /**
   * The inclusion proof check as shown.
   *
   * @param state the outcome
   * @param detail why it failed or is pending, in English as the verifier says it; null when
   *     verified
   * @param leafIndex the entry's leaf index, when the proof was computed
   * @param treeSize the size of the checkpoint the proof is for
   * @param checkpointAt when that checkpoint was signed
   * @param origin the log's origin, the checkpoint note's first line
   */
  public record Proof(
      ProofState state,
      String detail,
      Long leafIndex,
      Long treeSize,
      Instant checkpointAt,
      String origin) {

    public String messageKey() {
      return switch (state) {
        case VERIFIED -> "console.proof.verified";
        case PENDING -> "console.proof.pending";
        case FAILED -> "console.proof.failed";
      };
    }
  }

  /**
   * One line of the entry table.
   *
   * @param label message key of the field name
   * @param value the value as shown; null when the entry does not record it
   */
  public record Field(String label, Object value) {

    /** The field's name, as the id of its value cell: {@code console.field.recordId} → recordId. */
    public String id() {
      return label.substring(label.lastIndexOf('.') + 1);
    }
  }

  @GetMapping("/console/entries/{entryId}")
  String entry(
      @AuthenticationPrincipal ConsoleUser user,
      @PathVariable String entryId,
      Model model,
      HttpServletResponse response) {
    Optional<AuditEntry> found =
        ENTRY_ID.matcher(entryId).matches() ? reader.byId(entryId) : Optional.empty();
    if (found.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "console/not-found";
    }
    AuditEntry e = found.get();
    audit.searched(user.caller(), e.subjectPseudonym(), e.recordId(), "entry=" + entryId);
    model.addAttribute("entry", e);
    model.addAttribute("fields", fields(e));
    model.addAttribute("proof", proof(entryId));
    return "console/entry";
  }

  /**
   * Checks the entry against the latest signed checkpoint. The service answers "not yet" (no
   * checkpoint, not yet in the tree, or after the latest checkpoint) with 409 and "not logged at
   * all" with 404; the page shows the first as pending and the second as failed.
   */
  Proof proof(String entryId) {
    try {
      EntryCheck check = log.checkEntry(entryId);
      InclusionProof i = check.inclusion();
      return new Proof(
          check.verified() ? ProofState.VERIFIED : ProofState.FAILED,
          check.verified() ? null : check.detail(),
          i.leafIndex(),
          i.treeSize(),
          i.checkpoint().signedAt(),
          i.checkpoint().note().lines().findFirst().orElse(null));
    } catch (ApiException e) {
      ProofState state = e.status() == HttpStatus.CONFLICT ? ProofState.PENDING : ProofState.FAILED;
      return new Proof(state, e.getMessage(), null, null, null, null);
    }
  }

  /**
   * Every field of the entry, from the one list of them ({@link AuditField}), in the record's order
   * but with what happened (action and outcome) right after when.
   */
  static List<Field> fields(AuditEntry e) {
    List<AuditField> order = new ArrayList<>(List.of(AuditField.values()));
    order.removeAll(List.of(AuditField.ACTION, AuditField.OUTCOME));
    order.addAll(
        order.indexOf(AuditField.OCCURRED_AT) + 1, List.of(AuditField.ACTION, AuditField.OUTCOME));
    return order.stream().map(f -> new Field("console.field." + f.jsonName(), f.get(e))).toList();
  }
}

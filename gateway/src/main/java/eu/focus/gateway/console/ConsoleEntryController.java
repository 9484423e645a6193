package eu.focus.gateway.console;

import eu.focus.gateway.audit.AuditEntry;
import eu.focus.gateway.audit.AuditEntryReader;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One entry with every field. Reading it is audited with the entry's own subject and record, so
 * "who looked at this child's entries" has an answer. Phase 2 adds the inclusion proof here.
 */
@Controller
@ConditionalOnConsole
public class ConsoleEntryController {

  private static final Pattern ENTRY_ID =
      Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  private final AuditEntryReader reader;
  private final ConsoleAudit audit;

  public ConsoleEntryController(AuditEntryReader reader, ConsoleAudit audit) {
    this.reader = reader;
    this.audit = audit;
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
    return "console/entry";
  }

  static List<Field> fields(AuditEntry e) {
    List<Field> f = new ArrayList<>();
    f.add(new Field("console.field.seq", e.seq()));
    f.add(new Field("console.field.entryId", e.entryId()));
    f.add(new Field("console.field.occurredAt", e.occurredAt()));
    f.add(new Field("console.field.action", e.action()));
    f.add(new Field("console.field.outcome", e.outcome()));
    f.add(new Field("console.field.actorAgency", e.actorAgency()));
    f.add(new Field("console.field.actorPerson", e.actorPerson()));
    f.add(new Field("console.field.actorRole", e.actorRole()));
    f.add(new Field("console.field.purpose", e.purpose()));
    f.add(new Field("console.field.legalBasis", e.legalBasis()));
    f.add(new Field("console.field.consentId", e.consentId()));
    f.add(new Field("console.field.subjectPseudonym", e.subjectPseudonym()));
    f.add(new Field("console.field.recordId", e.recordId()));
    f.add(new Field("console.field.recordVersion", e.recordVersion()));
    f.add(new Field("console.field.recipientAgency", e.recipientAgency()));
    f.add(new Field("console.field.classes", e.classes()));
    f.add(new Field("console.field.reason", e.reason()));
    f.add(new Field("console.field.correlationId", e.correlationId()));
    f.add(new Field("console.field.channel", e.channel()));
    f.add(new Field("console.field.sourceCountry", e.sourceCountry()));
    f.add(new Field("console.field.destinationCountry", e.destinationCountry()));
    f.add(new Field("console.field.transferBasis", e.transferBasis()));
    f.add(new Field("console.field.refersTo", e.refersTo()));
    return f;
  }
}

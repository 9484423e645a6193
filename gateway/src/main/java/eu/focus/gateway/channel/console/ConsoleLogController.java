package eu.focus.gateway.channel.console;

import eu.focus.gateway.audit.merkle.AuditLogService;
import eu.focus.gateway.audit.merkle.LogCheck;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The log's status (size, entries waiting, latest signed checkpoint, public key, last verification)
 * and the "verify the log now" button. Both go through {@link AuditLogService}, as the REST {@code
 * /api/v1/audit/log} does, and both are audited first.
 */
@Controller
@ConditionalOnConsole
public class ConsoleLogController {

  private final AuditLogService log;
  private final ConsoleAudit audit;

  public ConsoleLogController(AuditLogService log, ConsoleAudit audit) {
    this.log = log;
    this.audit = audit;
  }

  @GetMapping("/console/log")
  String status(@AuthenticationPrincipal ConsoleUser user, Model model) {
    audit.searched(user.caller(), null, null, "log status");
    model.addAttribute("status", log.status());
    return "console/log";
  }

  /**
   * Runs the whole-log verification and shows its result on the status page. A POST (with the
   * form's CSRF token): it reads the whole log and is remembered as the last verification.
   */
  @PostMapping("/console/log/verification")
  String verify(@AuthenticationPrincipal ConsoleUser user, Model model) {
    audit.searched(user.caller(), null, null, "log verification");
    LogCheck check = log.verify();
    model.addAttribute("check", check);
    model.addAttribute("status", log.status());
    return "console/log";
  }
}

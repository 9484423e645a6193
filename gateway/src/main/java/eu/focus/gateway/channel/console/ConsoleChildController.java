package eu.focus.gateway.channel.console;

import eu.focus.gateway.auditor.AuditorService;
import eu.focus.gateway.auditor.AuditorService.DisclosureReport;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A child's disclosure report (docs/domain.md question 7, GDPR Art. 15 / LED Art. 14): every
 * disclosure and consultation about one pseudonym, from {@link AuditorService#disclosures}, which
 * audits the read itself (here with channel CONSOLE).
 */
@Controller
@ConditionalOnConsole
public class ConsoleChildController {

  /** The pseudonym as the REST report's path accepts it. */
  private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final AuditorService auditor;
  private final ConsoleProperties properties;

  public ConsoleChildController(AuditorService auditor, ConsoleProperties properties) {
    this.auditor = auditor;
    this.properties = properties;
  }

  @GetMapping("/console/children")
  String report(
      @AuthenticationPrincipal ConsoleUser user,
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String page,
      Model model,
      HttpServletResponse response) {
    String s = subject == null ? null : subject.strip();
    model.addAttribute("subject", s);
    Map<String, String> errors = new LinkedHashMap<>();
    model.addAttribute("errors", errors);
    if (s == null) {
      return "console/children";
    }
    if (!PSEUDONYM.matcher(s).matches()) {
      errors.put("subject", "console.children.error.subject");
    }
    if (page != null && !page.isBlank() && !page.strip().matches("\\d{1,6}")) {
      errors.put("page", "console.search.error.page");
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "console/children";
    }
    int number = page == null || page.isBlank() ? 0 : Integer.parseInt(page.strip());
    int size = properties.pageSize();
    DisclosureReport report =
        auditor.disclosures(user.caller(), s, number, size, ConsoleAudit.CHANNEL);
    int pages = (int) Math.max(1, (report.total() + size - 1) / size);
    model.addAttribute("report", report);
    model.addAttribute("pageNumber", number + 1);
    model.addAttribute("pages", pages);
    return "console/children";
  }
}

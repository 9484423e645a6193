package eu.focus.gateway.channel.console;

import ca.uhn.fhir.context.FhirContext;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEntry;
import eu.focus.gateway.auditor.AuditCsv;
import eu.focus.gateway.auditor.AuditFhir;
import eu.focus.gateway.auditor.AuditQuery;
import eu.focus.gateway.auditor.AuditorService;
import eu.focus.gateway.problem.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The search page's export buttons: the entries the current filters select, as CSV or as a FHIR
 * Bundle of AuditEvents. They use {@link AuditorService#export} as the REST exports do, so the cap
 * and the AUDIT_EXPORTED entry (here with channel CONSOLE) are the same; the files are the same
 * {@link AuditCsv} and {@link AuditFhir} output.
 *
 * <p>A handler writes the file itself and returns null; on bad filters or too many entries it
 * returns the search page with the problem instead, so the auditor stays in the console.
 */
@Controller
@ConditionalOnConsole
public class ConsoleExportController {

  private final AuditorService auditor;
  private final AuditFhir fhir;
  private final FhirContext fhirContext;
  private final Clock clock;

  public ConsoleExportController(
      AuditorService auditor, AuditFhir fhir, FhirContext fhirContext, Clock clock) {
    this.auditor = auditor;
    this.fhir = fhir;
    this.fhirContext = fhirContext;
    this.clock = clock;
  }

  @GetMapping("/console/entries/export.csv")
  String csv(
      @AuthenticationPrincipal ConsoleUser user,
      SearchForm form,
      Model model,
      HttpServletResponse response)
      throws IOException {
    List<AuditEntry> entries = entries(user, form, "csv", model, response);
    if (entries == null) {
      return "console/search";
    }
    start(response, "text/csv;charset=UTF-8;header=present", "audit-export.csv");
    try (Writer out = response.getWriter()) {
      AuditCsv.write(entries, out);
    }
    return null;
  }

  @GetMapping("/console/entries/export.fhir")
  String fhir(
      @AuthenticationPrincipal ConsoleUser user,
      SearchForm form,
      Model model,
      HttpServletResponse response)
      throws IOException {
    List<AuditEntry> entries = entries(user, form, "fhir", model, response);
    if (entries == null) {
      return "console/search";
    }
    start(response, "application/fhir+json;charset=UTF-8", "audit-export.fhir.json");
    try (Writer out = response.getWriter()) {
      fhirContext
          .newJsonParser()
          .encodeResourceToWriter(fhir.bundle(entries, Date.from(clock.instant())), out);
    }
    return null;
  }

  /** The entries to export, after the export was audited; null when the page shows a problem. */
  private List<AuditEntry> entries(
      ConsoleUser user, SearchForm form, String format, Model model, HttpServletResponse response) {
    Map<String, String> errors = form.errors();
    model.addAttribute("form", form);
    model.addAttribute("actions", AuditAction.values());
    model.addAttribute("outcomes", SearchForm.OUTCOMES);
    model.addAttribute("errors", errors);
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return null;
    }
    // the page is not a filter of an export: every matching entry, up to the cap
    AuditQuery.Criteria criteria = form.criteria(1).withPage(0, 1);
    try {
      return auditor.export(
          user.caller(), criteria, format, SearchForm.filter(criteria), ConsoleAudit.CHANNEL);
    } catch (ApiException e) {
      if (!"export-too-large".equals(e.code())) {
        throw e;
      }
      errors = Map.of("export", "console.search.error.exportTooLarge");
      model.addAttribute("errors", errors);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return null;
    }
  }

  private static void start(HttpServletResponse response, String type, String file) {
    response.setContentType(type);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(file).build().toString());
  }
}

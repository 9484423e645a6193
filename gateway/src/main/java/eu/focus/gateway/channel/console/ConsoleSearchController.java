package eu.focus.gateway.channel.console;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.auditor.AuditQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Search and filter the log: the form, then a page of entries. It uses {@link AuditQuery#search} as
 * the REST API does and is audited the same way before any result is shown.
 */
@Controller
@ConditionalOnConsole
public class ConsoleSearchController {

  private final AuditQuery query;
  private final ConsoleAudit audit;
  private final ConsoleProperties properties;

  public ConsoleSearchController(
      AuditQuery query, ConsoleAudit audit, ConsoleProperties properties) {
    this.query = query;
    this.audit = audit;
    this.properties = properties;
  }

  /** Where prev/next lead; null where there is no such page. */
  public record Paging(int number, int pages, String previous, String next) {}

  @GetMapping("/console/entries")
  String search(
      @AuthenticationPrincipal ConsoleUser user,
      SearchForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    model.addAttribute("form", form);
    model.addAttribute("actions", AuditAction.values());
    model.addAttribute("outcomes", SearchForm.OUTCOMES);
    Map<String, String> errors = form.submitted() ? form.errors() : Map.of();
    model.addAttribute("errors", errors);
    if (!form.submitted()) {
      return "console/search";
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "console/search";
    }
    AuditQuery.Criteria criteria = form.criteria(properties.pageSize());
    audit.searched(
        user.caller(), criteria.subject(), criteria.recordId(), SearchForm.filter(criteria));
    AuditQuery.Page page = query.search(criteria);
    model.addAttribute("page", page);
    model.addAttribute("paging", paging(page, request));
    model.addAttribute("exportQuery", exportQuery(request));
    return "console/search";
  }

  private static Paging paging(AuditQuery.Page page, HttpServletRequest request) {
    int pages = (int) Math.max(1, (page.total() + page.size() - 1) / page.size());
    return new Paging(
        page.page() + 1,
        pages,
        page.page() > 0 ? pageHref(request, page.page() - 1) : null,
        page.page() + 1 < pages ? pageHref(request, page.page() + 1) : null);
  }

  /** The current filters without paging or language, for the export links. */
  static String exportQuery(HttpServletRequest request) {
    return UriComponentsBuilder.newInstance()
        .query(request.getQueryString())
        .replaceQueryParam("page")
        .replaceQueryParam("lang")
        .build()
        .toUriString();
  }

  private static String pageHref(HttpServletRequest request, int number) {
    return UriComponentsBuilder.fromPath(request.getRequestURI())
        .query(request.getQueryString())
        .replaceQueryParam("page", number)
        .replaceQueryParam("lang")
        .build()
        .toUriString();
  }
}

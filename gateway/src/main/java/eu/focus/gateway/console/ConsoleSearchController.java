package eu.focus.gateway.console;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
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
    Map<String, String> errors = form.submitted() ? form.errors() : Map.of();
    model.addAttribute("errors", errors);
    if (!form.submitted()) {
      return "console/search";
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "console/search";
    }
    int size = properties.pageSize();
    AuditQuery.Criteria criteria =
        new AuditQuery.Criteria(
            form.subjectOrNull(),
            form.recordOrNull(),
            form.agencyOrNull(),
            null,
            form.actionOrNull() == null ? List.of() : List.of(form.actionOrNull()),
            null,
            null,
            form.fromOrNull(),
            form.toOrNull(),
            form.pageNumber(),
            size);
    audit.searched(user.caller(), criteria.subject(), criteria.recordId(), filter(criteria));
    AuditQuery.Page page = query.search(criteria);
    model.addAttribute("page", page);
    model.addAttribute("paging", paging(page, request));
    return "console/search";
  }

  /** The filter as the REST search writes it to the log. */
  private static String filter(AuditQuery.Criteria c) {
    List<String> parts = new ArrayList<>();
    add(parts, "subject", c.subject());
    add(parts, "record", c.recordId());
    add(parts, "agency", c.agency());
    add(parts, "action", c.actions().isEmpty() ? null : String.join(",", c.actions()));
    add(parts, "from", c.from());
    add(parts, "to", c.to());
    return String.join(" ", parts);
  }

  private static void add(List<String> parts, String name, Object value) {
    if (value != null) {
      parts.add(name + "=" + value);
    }
  }

  private static Paging paging(AuditQuery.Page page, HttpServletRequest request) {
    int pages = (int) Math.max(1, (page.total() + page.size() - 1) / page.size());
    return new Paging(
        page.page() + 1,
        pages,
        page.page() > 0 ? pageHref(request, page.page() - 1) : null,
        page.page() + 1 < pages ? pageHref(request, page.page() + 1) : null);
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

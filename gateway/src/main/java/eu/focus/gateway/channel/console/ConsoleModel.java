package eu.focus.gateway.channel.console;

import eu.focus.gateway.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every console page's layout needs: navigation, who is signed in, the language links. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@ConditionalOnConsole
public class ConsoleModel {

  /** The languages the console is translated into; each has a messages_xx.properties. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

  /** A link that shows the current page in another language. */
  public record LanguageLink(String code, String name, String href) {}

  @ModelAttribute("navigation")
  List<ConsoleNavigation> navigation() {
    return ConsoleNavigation.PAGES;
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @ModelAttribute("user")
  ConsoleUser user(@AuthenticationPrincipal ConsoleUser user) {
    return user;
  }

  /** Only auditors see the navigation; anyone else signed in sees the refusal and Sign out. */
  @ModelAttribute("auditor")
  boolean auditor(@AuthenticationPrincipal ConsoleUser user) {
    return user != null && user.caller().roles().contains(Caller.AUDITOR);
  }

  @ModelAttribute("languages")
  List<LanguageLink> languages(HttpServletRequest request) {
    return LANGUAGES.stream()
        .map(
            l ->
                new LanguageLink(
                    l.getLanguage(),
                    // each language named in itself, as language pickers do
                    capitalise(l.getDisplayLanguage(l), l),
                    UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString())
                        .replaceQueryParam("lang", l.getLanguage())
                        .build()
                        .toUriString()))
        .toList();
  }

  private static String capitalise(String s, Locale l) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(l) + s.substring(1);
  }
}

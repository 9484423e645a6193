package eu.focus.gateway.channel.console;

import java.util.List;

/**
 * The console's pages, in the order the navigation shows them. A new page is one controller, one
 * template using the layout fragments, and one line here.
 *
 * @param path where the page lives
 * @param label message key of its name
 * @param summary message key of the one-line description on the overview
 */
public record ConsoleNavigation(String path, String label, String summary) {

  public static final List<ConsoleNavigation> PAGES =
      List.of(
          new ConsoleNavigation("/console", "console.nav.home", "console.home.summary"),
          new ConsoleNavigation("/console/entries", "console.nav.search", "console.search.summary"),
          new ConsoleNavigation(
              "/console/children", "console.nav.children", "console.children.summary"),
          new ConsoleNavigation("/console/log", "console.nav.log", "console.log.summary"));
}

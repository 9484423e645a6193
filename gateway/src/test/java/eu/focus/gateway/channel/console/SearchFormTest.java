package eu.focus.gateway.channel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchFormTest {

  private static SearchForm form(String action, String from, String to, String page) {
    return new SearchForm("psn-1", "", null, null, action, null, null, from, to, page);
  }

  @Test
  void firstVisitIsNotASearch() {
    assertThat(
            new SearchForm(null, null, null, null, null, null, null, null, null, null).submitted())
        .isFalse();
    assertThat(new SearchForm("", null, null, null, null, null, null, null, null, null).submitted())
        .isTrue();
  }

  @Test
  void readsBrowserTimesAsUtcAndBlanksAsNoFilter() {
    SearchForm f = form("", "2026-11-29T10:00", "2026-11-29T11:00:30Z", "");
    assertThat(f.errors()).isEmpty();
    assertThat(f.fromOrNull()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    assertThat(f.toOrNull()).isEqualTo(Instant.parse("2026-11-29T11:00:30Z"));
    assertThat(f.recordOrNull()).isNull();
    assertThat(f.actionOrNull()).isNull();
    assertThat(f.pageNumber()).isZero();
  }

  @Test
  void listsEveryBadFieldWithItsMessage() {
    SearchForm f = form("STOLEN", "yesterday", "2026-13-01T00:00", "-1");
    assertThat(f.errors())
        .containsEntry("action", "console.search.error.action")
        .containsEntry("from", "console.search.error.time")
        .containsEntry("to", "console.search.error.time")
        .containsEntry("page", "console.search.error.page")
        .hasSize(4);
  }

  @Test
  void refusesARangeThatEndsBeforeItStartsAndOverlongText() {
    SearchForm f =
        new SearchForm(
            "x".repeat(SearchForm.MAX_TEXT + 1),
            null,
            null,
            null,
            "DISCLOSED",
            null,
            "MAYBE",
            "2026-11-29T10:00",
            "2026-11-29T09:00",
            "2");
    assertThat(f.errors())
        .containsOnlyKeys("subject", "outcome", "to")
        .containsEntry("outcome", "console.search.error.outcome")
        .containsEntry("to", "console.search.error.range");
  }
}

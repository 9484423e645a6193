package eu.focus.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-29T02:30:00Z");
  private static final RetentionRules DEFAULTS = new RetentionRules(Map.of());

  @Test
  void nothingExpiresBeforeTheShortestPeriod() {
    assertThat(DEFAULTS.expired(Instant.parse("2026-01-01T00:00:00Z"), null, NOW)).isEmpty();
  }

  @Test
  void eachClassExpiresWhenItsPeriodHasRunFromStorage() {
    Instant stored = Instant.parse("2024-11-29T02:30:00Z"); // exactly two years ago
    assertThat(DEFAULTS.expired(stored, null, NOW)).containsExactly("S5", "S6", "S7");
    assertThat(DEFAULTS.expired(stored.plusSeconds(1), null, NOW)).containsExactly("S7");
    assertThat(DEFAULTS.expired(Instant.parse("2020-01-01T00:00:00Z"), null, NOW))
        .containsExactlyElementsOf(RetentionRules.CLASSES);
  }

  @Test
  void theRecordsOwnRetentionUntilEndsEveryClassAfterThatDay() {
    Instant stored = Instant.parse("2026-06-01T00:00:00Z");
    assertThat(DEFAULTS.expired(stored, LocalDate.parse("2026-11-29"), NOW)).isEmpty();
    assertThat(DEFAULTS.expired(stored, LocalDate.parse("2026-11-28"), NOW))
        .containsExactlyElementsOf(RetentionRules.CLASSES);
  }

  @Test
  void aLaterRetentionUntilDoesNotExtendThePeriods() {
    Instant stored = Instant.parse("2020-01-01T00:00:00Z");
    assertThat(DEFAULTS.expired(stored, LocalDate.parse("2099-01-01"), NOW))
        .containsExactlyElementsOf(RetentionRules.CLASSES);
  }

  @Test
  void configuredPeriodsOverrideTheDefaultsClassByClass() {
    // s3: as an environment variable (FOCUS_RETENTION_PERIODS_S3) binds it
    RetentionRules rules = new RetentionRules(Map.of("s3", Period.ofDays(30)));
    assertThat(rules.periods().get("S3")).isEqualTo(Period.ofDays(30));
    assertThat(rules.periods().get("S1")).isEqualTo(Period.ofYears(5));
    assertThat(rules.expired(Instant.parse("2026-10-01T00:00:00Z"), null, NOW))
        .containsExactly("S3");
  }

  @Test
  void candidatesAreThoseStoredBeforeTheShortestPeriodWithADayOfSlack() {
    assertThat(DEFAULTS.storedBefore(NOW)).isEqualTo(Instant.parse("2025-11-30T02:30:00Z"));
  }

  @Test
  void refusesUnknownClassesAndNegativePeriods() {
    assertThatThrownBy(
            () -> new RetentionRules(Map.of("S0", Period.ofYears(1), "S5", Period.ofYears(-1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("S0 is not a class")
        .hasMessageContaining("S5 needs a period");
  }
}

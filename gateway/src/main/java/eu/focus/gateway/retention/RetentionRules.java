package eu.focus.gateway.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which classes of a stored record version are past retention at a given moment. A class expires
 * when its period has run from the moment the gateway stored the version, or at the end of the
 * record's own {@code retentionUntil} day (UTC), whichever comes first. S0, the routing skeleton
 * that keeps the audit log meaningful, never expires; S8 (consent and audit records) is not part of
 * a record's content and is not governed here.
 */
public final class RetentionRules {

  /** The classes retention governs, in order. */
  public static final List<String> CLASSES = List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7");

  /**
   * Defaults for a hub that is not the system of record: the national systems keep the
   * authoritative copy, so the gateway keeps content only as long as recipients may reasonably ask
   * for a re-send or a consultation. The most sensitive classes go first.
   */
  public static final Map<String, Period> DEFAULT_PERIODS =
      Map.of(
          "S1", Period.ofYears(5),
          "S2", Period.ofYears(5),
          "S3", Period.ofYears(5),
          "S4", Period.ofYears(3),
          "S5", Period.ofYears(2),
          "S6", Period.ofYears(2),
          "S7", Period.ofYears(1));

  private final SortedMap<String, Period> periods;

  /**
   * @param configured periods by class; missing classes get {@link #DEFAULT_PERIODS}
   * @throws IllegalArgumentException naming every class that is unknown or has a negative period
   */
  public RetentionRules(Map<String, Period> configured) {
    List<String> problems = new ArrayList<>();
    // environment variables (FOCUS_RETENTION_PERIODS_S5) arrive lower-cased
    SortedMap<String, Period> given = new TreeMap<>();
    configured.forEach((cls, period) -> given.put(cls.toUpperCase(Locale.ROOT), period));
    given.forEach(
        (cls, period) -> {
          if (!CLASSES.contains(cls)) {
            problems.add(cls + " is not a class retention governs (S1..S7)");
          } else if (period == null || period.isNegative()) {
            problems.add(cls + " needs a period of zero or more, e.g. P2Y");
          }
        });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("focus.retention.periods: " + String.join("; ", problems));
    }
    SortedMap<String, Period> all = new TreeMap<>(DEFAULT_PERIODS);
    all.putAll(given);
    this.periods = Collections.unmodifiableSortedMap(all);
  }

  public SortedMap<String, Period> periods() {
    return periods;
  }

  /** The classes of a version stored at {@code storedAt} that are past retention at {@code now}. */
  public SortedSet<String> expired(Instant storedAt, LocalDate retentionUntil, Instant now) {
    SortedSet<String> expired = new TreeSet<>();
    boolean untilPassed =
        retentionUntil != null
            && !now.isBefore(retentionUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    periods.forEach(
        (cls, period) -> {
          Instant end = storedAt.atZone(ZoneOffset.UTC).plus(period).toInstant();
          if (untilPassed || !now.isBefore(end)) {
            expired.add(cls);
          }
        });
    return expired;
  }

  /**
   * Versions stored at or after this moment have no class past its period at {@code now}: the
   * shortest period, plus a day of slack for calendar arithmetic (a year from 29 February); the
   * candidates are then checked exactly by {@link #expired}.
   */
  public Instant storedBefore(Instant now) {
    return periods.values().stream()
        .map(p -> now.atZone(ZoneOffset.UTC).minus(p).plusDays(1).toInstant())
        .max(Instant::compareTo)
        .orElse(now);
  }
}

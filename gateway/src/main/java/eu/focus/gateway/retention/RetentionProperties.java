package eu.focus.gateway.retention;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code focus.retention.*}: how long each sensitivity class of a stored record version is kept,
 * and when the retention job runs. docs/configuration.md and docs/retention-and-erasure.md explain
 * the defaults.
 *
 * @param periods retention period per class S1..S7 (ISO-8601, e.g. {@code P2Y}), counted from the
 *     time the gateway stored the version; a class not named here gets its default ({@link
 *     RetentionRules#DEFAULT_PERIODS}); S0 (routing) is never removed
 * @param schedule when the job runs: a Spring cron expression (six fields, UTC), or {@code -} for
 *     never (then only an on-demand pass removes anything)
 * @param lease how long one instance holds the job while it runs, so a slow pass is not started
 *     again by another instance; a crashed instance's hold runs out after it
 * @param batchSize record versions read per query during a pass
 */
@ConfigurationProperties(prefix = "focus.retention")
public record RetentionProperties(
    @DefaultValue Map<String, Period> periods,
    @DefaultValue("0 30 2 * * *") String schedule,
    @DefaultValue("30m") Duration lease,
    @DefaultValue("200") int batchSize) {}

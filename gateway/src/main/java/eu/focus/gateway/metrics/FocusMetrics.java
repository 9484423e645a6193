package eu.focus.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The gateway's business counters, exported at /actuator/prometheus as {@code
 * focus_exchanges_received_total}, {@code focus_decisions_total{outcome}}, {@code
 * focus_deliveries_total{outcome}}. Tags carry codes only, never identifiers.
 */
@Component
public class FocusMetrics {

  private final Counter received;
  private final Counter permitted;
  private final Counter denied;
  private final Counter delivered;
  private final Counter retried;
  private final Counter deadLettered;
  private final Counter postponed;

  public FocusMetrics(MeterRegistry registry) {
    received =
        Counter.builder("focus.exchanges.received")
            .description("Submissions accepted and stored")
            .register(registry);
    permitted = Counter.builder("focus.decisions").tag("outcome", "permitted").register(registry);
    denied = Counter.builder("focus.decisions").tag("outcome", "denied").register(registry);
    delivered = Counter.builder("focus.deliveries").tag("outcome", "delivered").register(registry);
    postponed =
        Counter.builder("focus.deliveries")
            .tag("outcome", "postponed")
            .description(
                "Deliveries held without an attempt because the recipient's circuit is open")
            .register(registry);
    retried = Counter.builder("focus.deliveries").tag("outcome", "retried").register(registry);
    deadLettered =
        Counter.builder("focus.deliveries").tag("outcome", "dead_lettered").register(registry);
  }

  public void received() {
    received.increment();
  }

  public void decided(boolean permit) {
    (permit ? permitted : denied).increment();
  }

  public void delivered() {
    delivered.increment();
  }

  public void postponed() {
    postponed.increment();
  }

  public void retried() {
    retried.increment();
  }

  public void deadLettered() {
    deadLettered.increment();
  }
}

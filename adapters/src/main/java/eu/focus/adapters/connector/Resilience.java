package eu.focus.adapters.connector;

import org.apache.camel.model.Resilience4jConfigurationDefinition;

/**
 * The Resilience4j settings every connector template takes from its parameters ({@code
 * timeoutMillis}, {@code failureRateThreshold}, {@code minimumNumberOfCalls}, {@code
 * waitInOpenStateSeconds}), so all types open, time out and recover alike.
 */
public final class Resilience {

  private Resilience() {}

  /** A circuit breaker with a time limit, configured from the template's placeholders. */
  public static Resilience4jConfigurationDefinition fromTemplateParameters() {
    Resilience4jConfigurationDefinition r = new Resilience4jConfigurationDefinition();
    r.setTimeoutEnabled("true");
    r.setThrowExceptionWhenHalfOpenOrOpenState("true");
    r.setTimeoutDuration("{{timeoutMillis}}");
    r.setFailureRateThreshold("{{failureRateThreshold}}");
    r.setMinimumNumberOfCalls("{{minimumNumberOfCalls}}");
    r.setSlidingWindowSize("{{minimumNumberOfCalls}}");
    r.setWaitDurationInOpenState("{{waitInOpenStateSeconds}}");
    return r;
  }
}

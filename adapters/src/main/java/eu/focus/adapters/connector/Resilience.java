package eu.focus.adapters.connector;

import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * The Resilience4j settings every connector template takes from its parameters ({@code
 * timeoutMillis}, {@code failureRateThreshold}, {@code minimumNumberOfCalls}, {@code
 * waitInOpenStateSeconds}), so all types open, time out and recover alike. The parameters and their
 * defaults are declared here only ({@link #declareParameters}); each template calls it and uses
 * {@link #fromTemplateParameters} for its circuit breaker.
 */
public final class Resilience {

  /** Default of {@code timeoutMillis}, unless a template gives its own. */
  public static final int DEFAULT_TIMEOUT_MILLIS = 5000;

  private Resilience() {}

  /**
   * Declares the four parameters on the template, with their defaults: {@code timeoutMillis}
   * {@value #DEFAULT_TIMEOUT_MILLIS}, {@code failureRateThreshold} 50 (%), {@code
   * minimumNumberOfCalls} 5, {@code waitInOpenStateSeconds} 10.
   *
   * @return the template, to go on declaring
   */
  public static RouteTemplateDefinition declareParameters(RouteTemplateDefinition template) {
    return declareParameters(template, DEFAULT_TIMEOUT_MILLIS);
  }

  /**
   * As {@link #declareParameters(RouteTemplateDefinition)}, with another default time limit.
   *
   * @param timeoutMillis the default of {@code timeoutMillis}
   */
  public static RouteTemplateDefinition declareParameters(
      RouteTemplateDefinition template, int timeoutMillis) {
    return template
        .templateParameter("timeoutMillis", String.valueOf(timeoutMillis))
        .templateParameter("failureRateThreshold", "50")
        .templateParameter("minimumNumberOfCalls", "5")
        .templateParameter("waitInOpenStateSeconds", "10");
  }

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

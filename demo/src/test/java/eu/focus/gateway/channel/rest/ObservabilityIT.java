package eu.focus.gateway.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.gateway.support.GatewayIT;
import org.junit.jupiter.api.Test;

/** What operators watch: health groups and Prometheus metrics. */
class ObservabilityIT extends GatewayIT {

  @Test
  void reportsLivenessAndReadinessWithTheDatabase() {
    Response liveness = get("/actuator/health/liveness", null);
    Response readiness = get("/actuator/health/readiness", null);

    assertThat(liveness.status()).isEqualTo(200);
    assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
  }

  @Test
  void exportsBusinessCountersAndCamelRouteMetrics() {
    assertThat(post("/api/v1/exchanges", agencyToken("ro-police"), freshSubmission("01")).status())
        .isEqualTo(202);
    assertThat(post("/api/v1/exchanges", agencyToken("ro-police"), freshSubmission("02")).status())
        .isEqualTo(202);

    String metrics = get("/actuator/prometheus", null).text();

    assertThat(metrics)
        .contains("focus_exchanges_received_total")
        .contains("focus_decisions_total{outcome=\"permitted\"")
        .contains("focus_decisions_total{outcome=\"denied\"")
        .contains("focus_deliveries_total{outcome=\"delivered\"")
        .contains("focus_deliveries_total{outcome=\"retried\"")
        .contains("focus_deliveries_total{outcome=\"dead_lettered\"")
        .contains("routeId=\"connector-ro-child-protection\"");
  }
}

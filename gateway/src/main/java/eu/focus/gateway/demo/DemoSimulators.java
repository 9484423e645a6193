package eu.focus.gateway.demo;

import eu.focus.adapters.simulator.RecipientSimulator;
import eu.focus.gateway.config.FocusProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's simulated recipient systems: one in-process WireMock server that plays
 * every demo agency's inbox. What they received is at {@code
 * http://127.0.0.1:8089/__admin/requests}.
 */
@Configuration
@Profile("demo")
@ConditionalOnProperty(prefix = "focus.demo.simulators", name = "enabled", havingValue = "true")
public class DemoSimulators {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSimulators.class);

  @Bean(destroyMethod = "close")
  RecipientSimulator recipientSimulator(FocusProperties props) {
    RecipientSimulator simulator = new RecipientSimulator(props.demo().simulators().port());
    simulator.start();
    LOG.info("Simulated recipient systems listening on {}", simulator.baseUrl());
    return simulator;
  }
}

package eu.focus.gateway.demo;

import eu.focus.adapters.simulator.FhirServerSimulator;
import eu.focus.adapters.simulator.RecipientSimulator;
import eu.focus.gateway.config.FocusProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's simulated national systems, in-process: a WireMock server that plays every
 * REST-JSON inbox (what they received is at {@code http://127.0.0.1:8089/__admin/requests}), a HAPI
 * FHIR server for the Hungarian probation service ({@code http://127.0.0.1:8091/fhir}), and the
 * folders of the Serbian centre's file exchange ({@code ./data/exchange/rs-csw-belgrade}).
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

  @Bean(destroyMethod = "close")
  FhirServerSimulator fhirServerSimulator(FocusProperties props) {
    FhirServerSimulator simulator =
        new FhirServerSimulator(props.demo().simulators().fhirPort(), 20);
    simulator.start();
    LOG.info("Simulated FHIR server of hu-probation at {}", simulator.baseUrl());
    return simulator;
  }

  /** The folders of the file exchange, so a first file can be dropped before anything ran. */
  @Bean
  Path fileExchangeRoot(FocusProperties props) throws IOException {
    Path root = Path.of(props.demo().simulators().fileRoot());
    for (String dir : List.of("to-gateway", "from-gateway")) {
      Files.createDirectories(root.resolve("rs-csw-belgrade").resolve(dir));
    }
    LOG.info("Simulated file exchange of rs-csw-belgrade under {}", root.toAbsolutePath());
    return root;
  }
}

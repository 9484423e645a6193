package eu.focus.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.demo.simulator.SoapSystemSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Step 7 of the README's walk-through reads what the simulated Raad received. The demo runs two
 * SOAP simulators (the Raad and the Dutch police), and the page must pick the Raad's: with both
 * present it answered 500 (no unique bean) before it named the one it wants.
 */
class DemoSimulatorControllerTest {

  @Test
  void readsTheRaadsSimulatorWhenBothSoapSimulatorsRun() {
    new ApplicationContextRunner()
        .withInitializer(c -> c.getEnvironment().setActiveProfiles("demo"))
        .withBean("nlRaadSimulator", SoapSystemSimulator.class, () -> DemoSimulators.nlRaad(0))
        .withBean("nlPoliceSimulator", SoapSystemSimulator.class, () -> DemoSimulators.nlPolice(0))
        .withUserConfiguration(DemoSimulatorController.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(DemoSimulatorController.class).received()).isEmpty();
            });
  }
}

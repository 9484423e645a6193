package eu.focus.demo;

import eu.focus.demo.simulator.SoapSystemSimulator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only: what the simulated Dutch Raad received over SOAP, so the README walk-through can show
 * the message as it left the gateway. Exists only on the demo profile; empty when the simulators
 * are off.
 */
@RestController
@Profile("demo")
public class DemoSimulatorController {

  private final ObjectProvider<SoapSystemSimulator> nlRaad;

  // Two SOAP simulators run in the demo (nl-raad and nl-police): this one is the Raad's.
  public DemoSimulatorController(
      @Qualifier("nlRaadSimulator") ObjectProvider<SoapSystemSimulator> nlRaad) {
    this.nlRaad = nlRaad;
  }

  /** The SOAP body payloads the simulated Raad received, oldest first, one per line block. */
  @GetMapping(path = "/demo/simulators/nl-raad/received", produces = MediaType.TEXT_PLAIN_VALUE)
  public String received() {
    SoapSystemSimulator simulator = nlRaad.getIfAvailable();
    List<SoapSystemSimulator.Received> all = simulator == null ? List.of() : simulator.received();
    StringBuilder out = new StringBuilder();
    for (SoapSystemSimulator.Received r : all) {
      out.append("--- Idempotency-Key: ").append(r.idempotencyKey()).append('\n');
      out.append(r.payload()).append("\n\n");
    }
    return out.toString();
  }
}

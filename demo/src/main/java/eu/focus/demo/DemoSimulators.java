package eu.focus.demo;

import eu.focus.demo.simulator.FhirServerSimulator;
import eu.focus.demo.simulator.RecipientSimulator;
import eu.focus.demo.simulator.SoapSystemSimulator;
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
 * REST-JSON inbox (what they received is at {@code http://127.0.0.1:8089/__admin/requests}), the
 * Dutch Raad's SOAP service ({@code http://127.0.0.1:8090/nl-raad/berichten}), the Dutch police
 * receiving contract v1 over SOAP ({@code http://127.0.0.1:8092/nl-police/focus}), a HAPI FHIR
 * server for the Hungarian probation service ({@code http://127.0.0.1:8091/fhir}), another for the
 * Hungarian child-protection service, which takes contract v1 as FHIR ({@code
 * http://127.0.0.1:8093/fhir}), and the folders of the Serbian centre's file exchange ({@code
 * ./data/exchange/rs-csw-belgrade}).
 */
@Configuration
@Profile("demo")
@ConditionalOnProperty(prefix = "focus.demo.simulators", name = "enabled", havingValue = "true")
public class DemoSimulators {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSimulators.class);

  @Bean(destroyMethod = "close")
  RecipientSimulator recipientSimulator(DemoProperties props) {
    RecipientSimulator simulator = new RecipientSimulator(props.simulators().port());
    simulator.start();
    LOG.info("Simulated recipient systems listening on {}", simulator.baseUrl());
    return simulator;
  }

  /** The Raad's SOAP service, from its own WSDL in the nl-raad mapping folder. */
  @Bean(destroyMethod = "close")
  SoapSystemSimulator nlRaadSimulator(DemoProperties props) {
    SoapSystemSimulator simulator = nlRaad(props.simulators().soapPort());
    simulator.start();
    LOG.info("Simulated SOAP service of nl-raad at {}", simulator.endpointUrl());
    return simulator;
  }

  /** A simulator of the Raad's SOAP service on the given port (0: any free one). */
  public static SoapSystemSimulator nlRaad(int port) {
    return new SoapSystemSimulator(
        DemoSimulators.class
            .getClassLoader()
            .getResource("focus/mappings/nl-raad/wsdl/raad-berichten.wsdl")
            .toString(),
        "{urn:nl:rvdk:berichten:v1}RaadBerichtenService",
        "{urn:nl:rvdk:berichten:v1}RaadBerichtenPort",
        port,
        "/nl-raad/berichten",
        "<Ontvangstbevestiging xmlns=\"urn:nl:rvdk:berichten:v1\""
            + " berichtId=\"00000000-0000-4000-8000-000000000000\" status=\"ONTVANGEN\"/>");
  }

  /** The Dutch police receiving contract v1 itself over SOAP, from the recipient WSDL. */
  @Bean(destroyMethod = "close")
  SoapSystemSimulator nlPoliceSimulator(DemoProperties props) {
    SoapSystemSimulator simulator = nlPolice(props.simulators().contractSoapPort());
    simulator.start();
    LOG.info("Simulated SOAP recipient of nl-police at {}", simulator.endpointUrl());
    return simulator;
  }

  /**
   * A simulator of an agency that implements {@code focus-recipient-v1.wsdl} (nl-police in the
   * demo) on the given port (0: any free one).
   */
  public static SoapSystemSimulator nlPolice(int port) {
    return new SoapSystemSimulator(
        DemoSimulators.class
            .getClassLoader()
            .getResource("focus/contract/v1/xml/focus-recipient-v1.wsdl")
            .toString(),
        "{urn:eu:focus:recipient:v1}FocusRecipientService",
        "{urn:eu:focus:recipient:v1}FocusRecipientPort",
        port,
        "/nl-police/focus",
        "<DeliveryAcknowledgement xmlns=\"urn:eu:focus:recipient:v1\">"
            + "<deliveryId>00000000-0000-4000-8000-000000000000</deliveryId>"
            + "<status>RECEIVED</status></DeliveryAcknowledgement>");
  }

  @Bean(destroyMethod = "close")
  FhirServerSimulator fhirServerSimulator(DemoProperties props) {
    FhirServerSimulator simulator = new FhirServerSimulator(props.simulators().fhirPort(), 20);
    simulator.start();
    LOG.info("Simulated FHIR server of hu-probation at {}", simulator.baseUrl());
    return simulator;
  }

  /**
   * The FHIR server of hu-child-protection, an agency that receives contract v1 itself over FHIR
   * (FocusAssessmentBundles, no national mapping). A server of its own: hu-probation's poller reads
   * every Bundle on the other one as a message from hu-probation.
   */
  @Bean(destroyMethod = "close")
  FhirServerSimulator contractFhirSimulator(DemoProperties props) {
    FhirServerSimulator simulator =
        new FhirServerSimulator(props.simulators().contractFhirPort(), 20);
    simulator.start();
    LOG.info("Simulated FHIR server of hu-child-protection at {}", simulator.baseUrl());
    return simulator;
  }

  /** The folders of the file exchange, so a first file can be dropped before anything ran. */
  @Bean
  Path fileExchangeRoot(DemoProperties props) throws IOException {
    Path root = Path.of(props.simulators().fileRoot());
    for (String dir : List.of("to-gateway", "from-gateway")) {
      Files.createDirectories(root.resolve("rs-csw-belgrade").resolve(dir));
    }
    LOG.info("Simulated file exchange of rs-csw-belgrade under {}", root.toAbsolutePath());
    return root;
  }
}

package eu.focus.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's settings ({@code focus.demo.*}, set in {@code application-demo.yml}).
 *
 * @param tokenIssuer issue demo tokens at /demo/token
 * @param simulators in-process simulated national and recipient systems
 */
@ConfigurationProperties(prefix = "focus.demo")
public record DemoProperties(
    @DefaultValue("false") boolean tokenIssuer, @DefaultValue Simulators simulators) {

  /**
   * @param enabled start the simulators
   * @param port HTTP port of the simulated REST-JSON systems (WireMock)
   * @param soapPort HTTP port of the simulated SOAP system (nl-raad, CXF)
   * @param fhirPort HTTP port of the simulated FHIR server (hu-probation, HAPI FHIR)
   * @param contractFhirPort HTTP port of the simulated FHIR server of hu-child-protection, which
   *     receives contract v1 itself as FocusAssessmentBundles (HAPI FHIR)
   * @param fileRoot folder of the simulated file exchanges (rs-csw-belgrade)
   * @param contractSoapPort HTTP port of the simulated agency receiving contract v1 over SOAP
   *     (nl-police, focus-recipient-v1.wsdl)
   */
  public record Simulators(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("8089") int port,
      @DefaultValue("8090") int soapPort,
      @DefaultValue("8091") int fhirPort,
      @DefaultValue("8093") int contractFhirPort,
      @DefaultValue("./data/exchange") String fileRoot,
      @DefaultValue("8092") int contractSoapPort) {}
}

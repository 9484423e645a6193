package eu.focus.gateway.channel.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import eu.focus.contract.fhir.ContractFhir;
import eu.focus.contract.fhir.ContractFhirValidation;
import eu.focus.gateway.access.RecordAccessService;
import eu.focus.gateway.consent.ConsentService;
import eu.focus.gateway.intake.IntakeService;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR channel: HAPI's {@link RestfulServer} as a servlet under {@value #PATH}, with the
 * assessment-record and consent providers, the error translation, and the media-type check in front
 * of it. The servlet starts with the application ({@code loadOnStartup}), and the validator is
 * warmed here: its first validation loads the R4 core package and takes seconds, which no caller
 * should wait for.
 */
@Configuration
public class FhirChannelConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(FhirChannelConfiguration.class);

  /** Where the channel is served. */
  public static final String PATH = "/fhir";

  /** Canonical base of the Focus profiles (contracts/.../v1/fhir/). */
  public static final String PROFILE_BASE = "https://focus-gateway.eu/fhir/StructureDefinition/";

  /** The profile each resource type the channel takes must conform to. */
  public static final Map<String, String> PROFILES =
      Map.of(
          "Bundle",
          PROFILE_BASE + "FocusAssessmentBundle",
          "Consent",
          PROFILE_BASE + "FocusConsent");

  /**
   * The JVM-wide R4 context, also used by the FHIR connectors and simulators: building one scans
   * the whole model and takes seconds.
   */
  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  ContractFhir contractFhir(FhirContext fhir) {
    return new ContractFhir(fhir);
  }

  @Bean
  ContractFhirValidation contractFhirValidation(FhirContext fhir) {
    ContractFhirValidation validation = new ContractFhirValidation(fhir);
    long started = System.nanoTime();
    validation.warmUp();
    LOG.info("FHIR validator ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    return validation;
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(
      FhirContext fhir,
      IncomingResources incoming,
      ContractFhir convert,
      IntakeService intake,
      RecordAccessService access,
      ConsentService consents) {
    RestfulServer server = new RestfulServer(fhir);
    server.setResourceProviders(
        List.of(
            new AssessmentBundleProvider(incoming, convert, intake, access),
            new ConsentProvider(incoming, convert, consents)));
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setServerName("Focus Gateway");
    server.registerInterceptor(new FhirExceptionTranslator());
    server.registerInterceptor(new FhirCapabilities(PROFILES));
    ServletRegistrationBean<RestfulServer> registration =
        new ServletRegistrationBean<>(server, PATH + "/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<FhirMediaTypes> fhirMediaTypes(FhirChannelErrors errors) {
    // after Spring Security's filters (default order), so a request without a token is 401 first
    FilterRegistrationBean<FhirMediaTypes> registration =
        new FilterRegistrationBean<>(new FhirMediaTypes(errors));
    registration.addUrlPatterns(PATH + "/*");
    return registration;
  }
}

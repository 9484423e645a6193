package eu.focus.gateway.channel.national;

import eu.focus.adapters.connector.ConnectorRegistry;
import eu.focus.adapters.connector.ConnectorSpec;
import eu.focus.adapters.connector.FhirConnectorTemplate;
import eu.focus.adapters.connector.FileConnectorTemplate;
import eu.focus.adapters.connector.RestJsonConnectorTemplate;
import eu.focus.adapters.connector.SoapConnectorTemplate;
import eu.focus.adapters.inbound.FhirPollTemplate;
import eu.focus.adapters.inbound.FileDropTemplate;
import eu.focus.adapters.inbound.RestJsonPollTemplate;
import eu.focus.adapters.inbound.SoapEndpointTemplate;
import eu.focus.gateway.agency.SystemFile;
import eu.focus.gateway.agency.SystemRegistry;
import eu.focus.gateway.config.FocusProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns each configured agency connector, and each national system file's outbound and inbound
 * connectors, into a running Camel route from its route template. Adding a recipient or a national
 * system is configuration only: no Java per agency or system.
 */
@Configuration
public class ConnectorConfiguration {

  @Bean
  RestJsonConnectorTemplate restJsonConnectorTemplate() {
    return new RestJsonConnectorTemplate();
  }

  @Bean
  SoapConnectorTemplate soapConnectorTemplate() {
    return new SoapConnectorTemplate();
  }

  @Bean
  SoapEndpointTemplate soapEndpointTemplate() {
    return new SoapEndpointTemplate();
  }

  @Bean
  RestJsonPollTemplate restJsonPollTemplate() {
    return new RestJsonPollTemplate();
  }

  @Bean
  FhirConnectorTemplate fhirConnectorTemplate() {
    return new FhirConnectorTemplate();
  }

  @Bean
  FileConnectorTemplate fileConnectorTemplate() {
    return new FileConnectorTemplate();
  }

  @Bean
  FhirPollTemplate fhirPollTemplate() {
    return new FhirPollTemplate();
  }

  @Bean
  FileDropTemplate fileDropTemplate() {
    return new FileDropTemplate();
  }

  @Bean
  ConnectorRegistry connectorRegistry(CamelContext camel) {
    return new ConnectorRegistry(camel);
  }

  @Bean
  CamelContextConfiguration connectorRoutes(
      ConnectorRegistry registry, FocusProperties props, SystemRegistry systems) {
    return new CamelContextConfiguration() {
      @Override
      public void beforeApplicationStart(CamelContext camelContext) {}

      @Override
      public void afterApplicationStart(CamelContext camelContext) {
        for (FocusProperties.AgencyConfig agency : props.agencies()) {
          if (agency.connector() != null) {
            registry.register(
                new ConnectorSpec(
                    agency.id(), agency.connector().type(), agency.connector().parameters()));
          }
        }
        for (SystemFile system : systems.all()) {
          if (system.outbound() != null) {
            registry.register(spec(registry, system, system.outbound()));
          }
          // Inbound routes take messages in; only processes that run the API do that.
          if (system.inbound() != null && props.runs("api")) {
            registry.registerInbound(spec(registry, system, system.inbound()));
          }
        }
      }
    };
  }

  /** The connector's parameters, with the system's resilience settings its type declares. */
  private static ConnectorSpec spec(
      ConnectorRegistry registry, SystemFile system, SystemFile.Connector connector) {
    Map<String, String> params = new LinkedHashMap<>();
    Set<String> declared = registry.parameterNames(connector.type());
    system
        .resilience()
        .forEach(
            (k, v) -> {
              if (declared.contains(k)) {
                params.put(k, v);
              }
            });
    params.putAll(connector.parameters());
    return new ConnectorSpec(system.id(), connector.type(), params);
  }
}

package eu.focus.gateway.config;

import eu.focus.adapters.connector.ConnectorRegistry;
import eu.focus.adapters.connector.ConnectorSpec;
import eu.focus.adapters.connector.RestJsonConnectorTemplate;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns each configured agency connector into a running Camel route, from its route template.
 * Adding a recipient is configuration only: no Java per agency.
 */
@Configuration
public class ConnectorConfiguration {

  @Bean
  RestJsonConnectorTemplate restJsonConnectorTemplate() {
    return new RestJsonConnectorTemplate();
  }

  @Bean
  ConnectorRegistry connectorRegistry(CamelContext camel) {
    return new ConnectorRegistry(camel);
  }

  @Bean
  CamelContextConfiguration connectorRoutes(ConnectorRegistry registry, FocusProperties props) {
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
      }
    };
  }
}

package eu.focus.adapters.connector;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.adapters.inbound.FhirPollTemplate;
import eu.focus.adapters.inbound.RestJsonPollTemplate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.junit.jupiter.api.Test;

/** Every connector template declares the resilience parameters, with the documented defaults. */
class ResilienceTest {

  private static Map<String, String> resilienceDefaults(DefaultCamelContext camel, String id) {
    Map<String, String> defaults = new TreeMap<>();
    for (RouteTemplateParameterDefinition p :
        camel
            .getCamelContextExtension()
            .getContextPlugin(Model.class)
            .getRouteTemplateDefinition(id)
            .getTemplateParameters()) {
      if (expected("").containsKey(p.getName())) {
        defaults.put(p.getName(), p.getDefaultValue());
      }
    }
    return defaults;
  }

  private static Map<String, String> expected(String timeoutMillis) {
    return Map.of(
        "timeoutMillis", timeoutMillis,
        "failureRateThreshold", "50",
        "minimumNumberOfCalls", "5",
        "waitInOpenStateSeconds", "10");
  }

  @Test
  void everyConnectorTemplateDeclaresTheFourParametersWithTheirDefaults() throws Exception {
    try (DefaultCamelContext camel = new DefaultCamelContext()) {
      camel.addRoutes(new RestJsonConnectorTemplate());
      camel.addRoutes(new SoapConnectorTemplate());
      camel.addRoutes(new FhirConnectorTemplate());
      camel.addRoutes(new FileConnectorTemplate());
      camel.addRoutes(new RestJsonPollTemplate());
      camel.addRoutes(new FhirPollTemplate());

      for (String id :
          new String[] {
            RestJsonConnectorTemplate.TEMPLATE_ID,
            SoapConnectorTemplate.TEMPLATE_ID,
            FhirConnectorTemplate.TEMPLATE_ID,
            FileConnectorTemplate.TEMPLATE_ID,
            RestJsonPollTemplate.TEMPLATE_ID
          }) {
        assertThat(resilienceDefaults(camel, id)).as(id).isEqualTo(expected("5000"));
      }
      assertThat(resilienceDefaults(camel, FhirPollTemplate.TEMPLATE_ID))
          .isEqualTo(expected("10000"));
    }
  }
}

package eu.focus.adapters.connector;

import java.util.Map;

/**
 * One connector instance, as configured for a recipient.
 *
 * @param id unique connector id (usually the agency id)
 * @param type the connector type, e.g. {@value RestJsonConnectorTemplate#TEMPLATE_ID}
 * @param parameters the template's parameters (endpointUrl, timeoutMillis, ...)
 */
public record ConnectorSpec(String id, String type, Map<String, String> parameters) {}

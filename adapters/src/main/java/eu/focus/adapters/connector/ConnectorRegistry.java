package eu.focus.adapters.connector;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.http.HttpComponent;

/**
 * Creates connector routes from {@link ConnectorSpec}s and sends messages through them.
 *
 * <p>This is the only way the rest of the gateway talks to recipients: it hands over a JSON body
 * and an idempotency key and gets back either normally or a {@link ConnectorException}.
 */
public class ConnectorRegistry {

  private final CamelContext camel;
  private final ProducerTemplate producer;
  private final Map<String, ConnectorSpec> connectors = new ConcurrentHashMap<>();

  public ConnectorRegistry(CamelContext camel) {
    this.camel = camel;
    this.producer = camel.createProducerTemplate();
    // Retries belong to the durable outbox: the HTTP client must never repeat a POST by itself
    // (Apache HttpClient 5 would retry a 503 after a second, hiding the failure from the outbox).
    for (String scheme : List.of("http", "https")) {
      camel.getComponent(scheme, HttpComponent.class).setAutomaticRetriesDisabled(true);
    }
  }

  /**
   * Instantiates an outbound connector's route template (route {@code connector-<id>}, fed from
   * {@code direct:connector-<id>}); fails fast on an unknown type.
   */
  public void register(ConnectorSpec spec) {
    Map<String, Object> params = new HashMap<>(spec.parameters());
    params.put("connectorId", spec.id());
    addRoute(spec, "connector-" + spec.id(), params);
    connectors.put(spec.id(), spec);
  }

  /**
   * Instantiates an inbound route template (route {@code inbound-<id>}) that reads what the
   * national system {@code spec.id()} sends and hands it to the {@link
   * eu.focus.adapters.inbound.NationalInbox}; fails fast on an unknown type.
   */
  public void registerInbound(ConnectorSpec spec) {
    Map<String, Object> params = new HashMap<>(spec.parameters());
    params.put("systemId", spec.id());
    addRoute(spec, "inbound-" + spec.id(), params);
  }

  /** The ids of the route templates known to the Camel context: the usable connector types. */
  public Set<String> knownTypes() {
    Set<String> ids = new TreeSet<>();
    camel
        .getCamelContextExtension()
        .getContextPlugin(org.apache.camel.model.Model.class)
        .getRouteTemplateDefinitions()
        .forEach(t -> ids.add(t.getId()));
    return ids;
  }

  /** The parameters a connector type declares (empty for an unknown type). */
  public Set<String> parameterNames(String type) {
    Set<String> names = new TreeSet<>();
    var definition =
        camel
            .getCamelContextExtension()
            .getContextPlugin(org.apache.camel.model.Model.class)
            .getRouteTemplateDefinition(type);
    if (definition != null) {
      definition.getTemplateParameters().forEach(p -> names.add(p.getName()));
    }
    return names;
  }

  private void addRoute(ConnectorSpec spec, String routeId, Map<String, Object> params) {
    Set<String> known = knownTypes();
    if (!known.contains(spec.type())) {
      throw new IllegalArgumentException(
          "Unknown connector type '" + spec.type() + "' for " + spec.id() + "; known: " + known);
    }
    Set<String> allowed = new TreeSet<>();
    camel
        .getCamelContextExtension()
        .getContextPlugin(org.apache.camel.model.Model.class)
        .getRouteTemplateDefinition(spec.type())
        .getTemplateParameters()
        .forEach(p -> allowed.add(p.getName()));
    Set<String> unknown = new TreeSet<>(params.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown parameter(s) "
              + unknown
              + " for connector type "
              + spec.type()
              + " of "
              + spec.id()
              + "; known: "
              + allowed);
    }
    try {
      TemplatedRouteBuilder builder =
          TemplatedRouteBuilder.builder(camel, spec.type()).routeId(routeId);
      params.forEach(builder::parameter);
      builder.add();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create connector " + spec.id() + ": " + e, e);
    }
  }

  public boolean has(String connectorId) {
    return connectors.containsKey(connectorId);
  }

  /**
   * Sends one message; returns when the recipient accepted it (2xx).
   *
   * @throws ConnectorException when the recipient is unreachable, slow, answers non-2xx, or its
   *     circuit is open
   */
  public void send(String connectorId, String jsonBody, String idempotencyKey, String kind) {
    if (!connectors.containsKey(connectorId)) {
      throw new ConnectorException("No connector configured: " + connectorId, false, null);
    }
    Exchange result =
        producer.send(
            "direct:connector-" + connectorId,
            exchange -> {
              exchange.getIn().setBody(jsonBody);
              exchange.getIn().setHeader(ConnectorHeaders.IDEMPOTENCY_KEY, idempotencyKey);
              exchange.getIn().setHeader(ConnectorHeaders.MESSAGE_KIND, kind);
            });
    Exception failure = result.getException();
    if (failure != null) {
      Throwable root = failure instanceof CamelExecutionException ? failure.getCause() : failure;
      boolean open = hasCause(failure, CallNotPermittedException.class);
      throw new ConnectorException(describe(root, open), open, root);
    }
  }

  private static String describe(Throwable t, boolean open) {
    if (open) {
      return "circuit open";
    }
    String name = t == null ? "unknown" : t.getClass().getSimpleName();
    String msg = t == null || t.getMessage() == null ? "" : ": " + t.getMessage();
    String text = name + msg;
    return text.length() > 300 ? text.substring(0, 300) : text;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}

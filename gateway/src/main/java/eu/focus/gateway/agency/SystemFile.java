package eu.focus.gateway.agency;

import java.util.Map;

/**
 * One national system, as its system file describes it: everything the gateway needs to exchange
 * records with it, and nothing in Java.
 *
 * @param id the system's id (the file's name without {@code .yaml})
 * @param agency the agency the system serves: its records are sent as, and delivered to, that
 *     agency
 * @param mapping the id of the mapping folder that translates its format (defaults to {@code id})
 * @param outbound how the gateway delivers to the system (connector type and its parameters); null
 *     when the system only sends
 * @param inbound how the system's messages reach the gateway when it does not call the gateway's
 *     national REST endpoint itself (a SOAP endpoint, a file drop, a poll); null otherwise
 * @param resilience time limit and circuit-breaker settings, given to each connector of the system
 *     whose type has them
 * @param source where the file was read from, for messages
 */
public record SystemFile(
    String id,
    String agency,
    String mapping,
    Connector outbound,
    Connector inbound,
    Map<String, String> resilience,
    String source) {

  /**
   * A connector of the system.
   *
   * @param type the connector type (a route template id, e.g. {@code soap-connector})
   * @param parameters the template's parameters, placeholders resolved
   */
  public record Connector(String type, Map<String, String> parameters) {}
}

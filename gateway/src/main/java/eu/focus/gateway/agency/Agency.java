package eu.focus.gateway.agency;

/** An agency known to the gateway. {@code connectorId} is null for agencies that only send. */
public record Agency(String id, String country, String type, String name, String connectorId) {

  public boolean canReceive() {
    return connectorId != null;
  }
}

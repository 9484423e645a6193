package eu.focus.gateway.agency;

/**
 * An agency known to the gateway. {@code connectorId} is null for agencies that only send; {@code
 * mappingId} names the national system whose format the agency receives (null: contract v1).
 */
public record Agency(
    String id, String country, String type, String name, String connectorId, String mappingId) {

  public Agency(String id, String country, String type, String name, String connectorId) {
    this(id, country, type, name, connectorId, null);
  }

  public boolean canReceive() {
    return connectorId != null;
  }
}

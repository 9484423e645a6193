package eu.focus.gateway.agency;

/**
 * An agency known to the gateway. {@code connectorId} is null for agencies that only send; {@code
 * mappingId} names the national system whose format the agency receives (null: contract v1); {@code
 * connectorType} is the connector's route template, e.g. {@code soap-connector} (null when none).
 */
public record Agency(
    String id,
    String country,
    String type,
    String name,
    String connectorId,
    String mappingId,
    String connectorType) {

  public Agency(String id, String country, String type, String name, String connectorId) {
    this(id, country, type, name, connectorId, null, null);
  }

  public boolean canReceive() {
    return connectorId != null;
  }
}

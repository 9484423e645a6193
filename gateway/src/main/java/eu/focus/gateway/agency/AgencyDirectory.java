package eu.focus.gateway.agency;

import eu.focus.contract.CodeLists;
import eu.focus.gateway.config.FocusProperties;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The agencies from configuration, checked against the code lists at start-up. An agency receives
 * through the connector of its national system file when it has one (in its own format, through the
 * system's mapping), else through the connector configured with it (contract v1).
 */
@Component
public class AgencyDirectory {

  private final Map<String, Agency> agencies = new LinkedHashMap<>();

  public AgencyDirectory(FocusProperties props, CodeLists codeLists, SystemRegistry systems) {
    for (FocusProperties.AgencyConfig a : props.agencies()) {
      if (a.id() == null || !a.id().matches("[a-z0-9-]{2,64}")) {
        throw new IllegalStateException(
            "Agency id must be lower-case letters, digits, '-': " + a.id());
      }
      if (!codeLists.contains("country", a.country())) {
        throw new IllegalStateException("Agency " + a.id() + ": unknown country " + a.country());
      }
      if (!codeLists.contains("agency-type", a.type())) {
        throw new IllegalStateException("Agency " + a.id() + ": unknown agency type " + a.type());
      }
      String country = codeLists.canonical("country", a.country());
      Optional<SystemFile> system = systems.forAgency(a.id()).filter(s -> s.outbound() != null);
      if (system.isPresent() && a.connector() != null) {
        throw new IllegalStateException(
            "Agency "
                + a.id()
                + " has a connector and a national system file ("
                + system.get().source()
                + "); keep one");
      }
      String connectorId = system.map(SystemFile::id).orElse(a.connector() == null ? null : a.id());
      String mappingId =
          system
              .map(SystemFile::mapping)
              .orElse(a.connector() == null ? null : a.connector().mapping());
      String connectorType =
          system
              .map(s -> s.outbound().type())
              .orElse(a.connector() == null ? null : a.connector().type());
      agencies.put(
          a.id(),
          new Agency(a.id(), country, a.type(), a.name(), connectorId, mappingId, connectorType));
    }
  }

  public Optional<Agency> find(String id) {
    return Optional.ofNullable(id).map(agencies::get);
  }

  public Collection<Agency> all() {
    return agencies.values();
  }
}

package eu.focus.gateway.agency;

import eu.focus.contract.CodeLists;
import eu.focus.gateway.config.FocusProperties;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The agencies from configuration, checked against the code lists at start-up. */
@Component
public class AgencyDirectory {

  private final Map<String, Agency> agencies = new LinkedHashMap<>();

  public AgencyDirectory(FocusProperties props, CodeLists codeLists) {
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
      agencies.put(
          a.id(),
          new Agency(
              a.id(),
              country,
              a.type(),
              a.name(),
              a.connector() == null ? null : a.id(),
              a.connector() == null ? null : a.connector().mapping()));
    }
  }

  public Optional<Agency> find(String id) {
    return Optional.ofNullable(id).map(agencies::get);
  }

  public Collection<Agency> all() {
    return agencies.values();
  }
}

package eu.focus.gateway.channel.rest;

import eu.focus.gateway.agency.AgencyDirectory;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agencies a caller can address. */
@RestController
public class AgencyController {

  /** Public facts about an agency (no endpoints, no credentials). */
  public record AgencyInfo(String id, String country, String type, String name, boolean receives) {}

  private final AgencyDirectory agencies;

  public AgencyController(AgencyDirectory agencies) {
    this.agencies = agencies;
  }

  @GetMapping(path = "/api/v1/agencies", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<AgencyInfo> list() {
    return agencies.all().stream()
        .map(a -> new AgencyInfo(a.id(), a.country(), a.type(), a.name(), a.canReceive()))
        .toList();
  }
}

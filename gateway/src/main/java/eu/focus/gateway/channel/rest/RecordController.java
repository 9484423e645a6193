package eu.focus.gateway.channel.rest;

import eu.focus.gateway.access.RecordAccessService;
import eu.focus.gateway.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST channel: read a record the caller may see, minimised for the caller; with the {@code
 * Focus-Break-Glass} header, an emergency read the policy allows only in emergencies.
 */
@RestController
@RequestMapping(path = "/api/v1/records", produces = MediaType.APPLICATION_JSON_VALUE)
public class RecordController {

  private final RecordAccessService access;

  public RecordController(RecordAccessService access) {
    this.access = access;
  }

  @GetMapping("/{recordId}")
  public RecordAccessService.View read(
      Caller caller,
      @PathVariable String recordId,
      @RequestParam(required = false) Integer version,
      @RequestHeader(name = RecordAccessService.BREAK_GLASS_HEADER, required = false)
          String breakGlass) {
    if (breakGlass != null) {
      return access.breakGlass(caller, recordId, version, breakGlass.strip(), "REST");
    }
    return access.read(caller, recordId, version);
  }
}

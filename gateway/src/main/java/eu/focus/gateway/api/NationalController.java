package eu.focus.gateway.api;

import eu.focus.gateway.intake.SubmissionResult;
import eu.focus.gateway.national.NationalIntakeService;
import eu.focus.gateway.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST-JSON inbound for national systems: {@code POST /api/v1/national/{systemId}/assessments} with
 * the system's own JSON, authenticated as the agency the system serves.
 */
@RestController
public class NationalController {

  private final NationalIntakeService national;

  public NationalController(NationalIntakeService national) {
    this.national = national;
  }

  @PostMapping(
      path = "/api/v1/national/{systemId}/assessments",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<SubmissionResult> submit(
      Caller caller, @PathVariable String systemId, @RequestBody String payload) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(national.submit(caller, systemId, payload));
  }
}

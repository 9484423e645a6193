package eu.focus.gateway.channel.national;

import eu.focus.contract.Violation;
import eu.focus.gateway.intake.SubmissionResult;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.security.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST-JSON inbound for national systems: {@code POST /api/v1/national/{systemId}/assessments} with
 * the system's own JSON, authenticated as the agency the system serves. An optional {@code
 * Idempotency-Key} header makes a repeat of the same message a 409 instead of a second record.
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
      Caller caller,
      @PathVariable String systemId,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody String payload) {
    if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9._:-]{1,200}")) {
      throw ApiException.invalid(
          "Bad Idempotency-Key header",
          List.of(new Violation("Idempotency-Key", "1-200 characters of A-Z a-z 0-9 . _ : -")));
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(national.submit(caller, systemId, payload, idempotencyKey));
  }
}

package eu.focus.gateway.channel.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.gateway.intake.IntakeService;
import eu.focus.gateway.intake.SubmissionResult;
import eu.focus.gateway.outbox.ExchangeStatus;
import eu.focus.gateway.outbox.ExchangeStatusService;
import eu.focus.gateway.security.Caller;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST channel: submit an assessment to named recipients, and follow its deliveries. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ExchangeController {

  static final String CHANNEL = "REST";

  private final IntakeService intake;
  private final ExchangeStatusService exchanges;

  public ExchangeController(IntakeService intake, ExchangeStatusService exchanges) {
    this.intake = intake;
    this.exchanges = exchanges;
  }

  @PostMapping(path = "/exchanges", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<SubmissionResult> submit(Caller caller, @RequestBody JsonNode submission) {
    return accepted(intake.submit(caller, submission, null, CHANNEL));
  }

  @PostMapping(path = "/records/{recordId}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<SubmissionResult> newVersion(
      Caller caller, @PathVariable String recordId, @RequestBody JsonNode submission) {
    return accepted(intake.submit(caller, submission, recordId, CHANNEL));
  }

  /** 202 with the exchange's status resource in {@code Location}, as the OpenAPI document says. */
  private static ResponseEntity<SubmissionResult> accepted(SubmissionResult result) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/exchanges/" + result.exchangeId()))
        .body(result);
  }

  @GetMapping("/exchanges/{exchangeId}")
  public ExchangeStatus status(Caller caller, @PathVariable String exchangeId) {
    return exchanges.status(caller, exchangeId);
  }
}

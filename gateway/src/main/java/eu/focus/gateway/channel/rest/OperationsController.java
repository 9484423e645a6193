package eu.focus.gateway.channel.rest;

import eu.focus.gateway.delivery.DeliveryOperations;
import eu.focus.gateway.outbox.ExchangeStatus;
import eu.focus.gateway.security.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators: dead letters and their replay. */
@RestController
@RequestMapping(path = "/api/v1/operations", produces = MediaType.APPLICATION_JSON_VALUE)
public class OperationsController {

  private final DeliveryOperations operations;

  public OperationsController(DeliveryOperations operations) {
    this.operations = operations;
  }

  @GetMapping("/dead-letters")
  public List<ExchangeStatus.DeliveryStatus> deadLetters() {
    return operations.deadLetters().stream().map(ExchangeStatus.DeliveryStatus::of).toList();
  }

  @PostMapping("/deliveries/{deliveryId}/replay")
  public ResponseEntity<ExchangeStatus.DeliveryStatus> replay(
      Caller caller, @PathVariable String deliveryId) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(ExchangeStatus.DeliveryStatus.of(operations.replay(caller, deliveryId)));
  }
}

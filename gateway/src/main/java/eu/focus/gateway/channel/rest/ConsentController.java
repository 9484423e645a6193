package eu.focus.gateway.channel.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.gateway.consent.ConsentService;
import eu.focus.gateway.security.Caller;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST channel: register, read and withdraw a consent. */
@RestController
@RequestMapping(path = "/api/v1/consents", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConsentController {

  private final ConsentService consents;

  public ConsentController(ConsentService consents) {
    this.consents = consents;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<JsonNode> register(Caller caller, @RequestBody JsonNode consent) {
    var c = consents.register(caller, consent);
    return ResponseEntity.created(URI.create("/api/v1/consents/" + c.consentId()))
        .body(c.content());
  }

  @GetMapping("/{consentId}")
  public JsonNode read(Caller caller, @PathVariable String consentId) {
    return consents.read(caller, consentId).content();
  }

  @PostMapping("/{consentId}/withdrawal")
  public ConsentService.Withdrawal withdraw(Caller caller, @PathVariable String consentId) {
    return consents.withdraw(caller, consentId);
  }
}

package eu.focus.gateway.channel.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.gateway.retention.Erasure;
import eu.focus.gateway.retention.ErasureService;
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

/**
 * Operators record erasure requests (GDPR Art. 17, LED Art. 16) that the data protection officer
 * decided, and look them up. 201 for a new request, 200 when the same request (same reference) was
 * made before.
 */
@RestController
@RequestMapping(path = "/api/v1/operations/erasures", produces = MediaType.APPLICATION_JSON_VALUE)
public class ErasureController {

  private final ErasureService erasures;

  public ErasureController(ErasureService erasures) {
    this.erasures = erasures;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Erasure> request(Caller caller, @RequestBody JsonNode body) {
    ErasureService.Outcome outcome = erasures.request(caller, body);
    Erasure e = outcome.erasure();
    return outcome.created()
        ? ResponseEntity.created(URI.create("/api/v1/operations/erasures/" + e.erasureId())).body(e)
        : ResponseEntity.ok(e);
  }

  @GetMapping("/{erasureId}")
  public Erasure find(@PathVariable String erasureId) {
    return erasures.find(erasureId);
  }
}

package eu.focus.gateway.channel.rest;

import eu.focus.gateway.problem.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the contract as published in {@code contracts/}: the OpenAPI document, the JSON Schemas it
 * references, and a browsable UI (Swagger UI, from its webjar) at {@code /api/v1/docs/}.
 */
@RestController
public class ContractDocsController {

  private static final String BASE = "focus/contract/v1/";
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z0-9-]+\\.schema\\.json");

  @GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<byte[]> openApi() throws IOException {
    return file(BASE + "openapi.json");
  }

  @GetMapping(path = "/api/v1/schemas/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<byte[]> schema(@PathVariable String name) throws IOException {
    if (!SCHEMA_NAME.matcher(name).matches()) {
      throw ApiException.notFound("Schema " + name);
    }
    return file(BASE + name);
  }

  private static ResponseEntity<byte[]> file(String path) throws IOException {
    ClassPathResource r = new ClassPathResource(path);
    if (!r.exists()) {
      throw ApiException.notFound(path);
    }
    try (InputStream in = r.getInputStream()) {
      return ResponseEntity.ok()
          .cacheControl(CacheControl.noCache())
          .contentType(MediaType.APPLICATION_JSON)
          .body(in.readAllBytes());
    }
  }
}

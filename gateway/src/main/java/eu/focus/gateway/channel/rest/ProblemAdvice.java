package eu.focus.gateway.channel.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to a problem document (docs/domain.md, "Errors"). Bad input is never a 500; an
 * unexpected failure is a 500 without details, logged with the correlation id only.
 */
@RestControllerAdvice
public class ProblemAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);
  private static final MediaType PROBLEM = MediaType.parseMediaType(Problems.MEDIA_TYPE);

  private final ObjectMapper json;

  public ProblemAdvice(ObjectMapper json) {
    this.json = json;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ObjectNode> api(ApiException e, HttpServletRequest req) {
    return problem(e.status(), e.code(), e.getMessage(), req, e.rule(), e);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ObjectNode> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "malformed",
        "The request body is not well-formed JSON",
        req,
        null,
        null);
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class
  })
  ResponseEntity<ObjectNode> badParameter(Exception e, HttpServletRequest req) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "bad-request",
        "A path or query parameter is invalid",
        req,
        null,
        null);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ObjectNode> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        "Send application/json",
        req,
        null,
        null);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ObjectNode> notAcceptable(Exception e, HttpServletRequest req) {
    return problem(
        HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "This resource is JSON", req, null, null);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ObjectNode> method(Exception e, HttpServletRequest req) {
    return problem(
        HttpStatus.METHOD_NOT_ALLOWED,
        "method-not-allowed",
        "This method is not allowed here",
        req,
        null,
        null);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ObjectNode> noResource(Exception e, HttpServletRequest req) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "No such resource", req, null, null);
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ObjectNode> duplicate(DuplicateKeyException e, HttpServletRequest req) {
    return problem(
        HttpStatus.CONFLICT,
        "conflict",
        "A concurrent request stored the same message or version first",
        req,
        null,
        null);
  }

  /** Also covers failing to get a connection (CannotGetJdbcConnectionException is a subtype). */
  @ExceptionHandler(DataAccessResourceFailureException.class)
  ResponseEntity<ObjectNode> unavailable(Exception e, HttpServletRequest req) {
    LOG.warn("Database unavailable: {}", e.getClass().getSimpleName());
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "unavailable",
        "The gateway's database is unavailable; nothing was stored. Try again later.",
        req,
        null,
        null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ObjectNode> unexpected(Exception e, HttpServletRequest req) {
    // Class name only: exception messages may quote input, and input may be personal data.
    LOG.error(
        "Unexpected failure on {} {}: {}",
        req.getMethod(),
        req.getRequestURI(),
        e.getClass().getName());
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "The gateway failed unexpectedly; nothing was stored",
        req,
        null,
        null);
  }

  private ResponseEntity<ObjectNode> problem(
      HttpStatus status,
      String code,
      String detail,
      HttpServletRequest req,
      String rule,
      ApiException e) {
    ObjectNode body =
        Problems.body(
            json, status, code, detail, req.getRequestURI(), rule, e == null ? null : e.errors());
    return ResponseEntity.status(status).contentType(PROBLEM).body(body);
  }
}

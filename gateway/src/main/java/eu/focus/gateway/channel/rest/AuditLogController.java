package eu.focus.gateway.channel.rest;

import eu.focus.gateway.audit.merkle.AuditLogService;
import eu.focus.gateway.audit.merkle.AuditLogService.CheckpointView;
import eu.focus.gateway.audit.merkle.LogCheck;
import eu.focus.gateway.auditor.AuditorReads;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.security.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The verifiable side of the audit log for auditors: status, verification, signed checkpoints,
 * inclusion and consistency proofs, and the export the offline verifier reads (docs/audit-log.md).
 * Every call is itself audited (AUDIT_SEARCHED, the reason naming the call) before it answers.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditLogController {

  private final AuditLogService log;
  private final AuditorReads reads;

  public AuditLogController(AuditLogService log, AuditorReads reads) {
    this.log = log;
    this.reads = reads;
  }

  @GetMapping("/log")
  public AuditLogService.Status status(Caller caller) {
    audited(caller, "log status");
    return log.status();
  }

  @PostMapping("/log/verification")
  public LogCheck verify(Caller caller) {
    audited(caller, "log verification");
    return log.verify();
  }

  @GetMapping("/checkpoints")
  public List<CheckpointView> checkpoints(
      Caller caller,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > 500) {
      throw ApiException.of(
          HttpStatus.BAD_REQUEST, "bad-request", "page must be >= 0 and size 1..500");
    }
    audited(caller, "checkpoints page=" + page + " size=" + size);
    return log.checkpoints(page, size);
  }

  @GetMapping("/checkpoints/latest")
  public CheckpointView latestCheckpoint(Caller caller) {
    audited(caller, "latest checkpoint");
    return log.latestCheckpoint().orElseThrow(() -> ApiException.notFound("A signed checkpoint"));
  }

  @PostMapping("/checkpoints")
  public ResponseEntity<CheckpointView> checkpointNow(Caller caller) {
    audited(caller, "checkpoint now");
    return ResponseEntity.status(HttpStatus.CREATED).body(log.checkpointNow());
  }

  @GetMapping("/proofs/inclusion")
  public AuditLogService.InclusionProof inclusion(
      Caller caller, @RequestParam String entry, @RequestParam(required = false) Long treeSize) {
    audited(
        caller,
        "inclusion proof entry=" + entry + (treeSize == null ? "" : " treeSize=" + treeSize));
    return log.inclusion(entry, treeSize);
  }

  @GetMapping("/proofs/consistency")
  public AuditLogService.ConsistencyProof consistency(
      Caller caller, @RequestParam long first, @RequestParam long second) {
    audited(caller, "consistency proof first=" + first + " second=" + second);
    return log.consistency(first, second);
  }

  @GetMapping("/log/export")
  public ResponseEntity<StreamingResponseBody> export(
      Caller caller, @RequestParam(required = false) Long treeSize) {
    if (treeSize != null && treeSize < 1) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "bad-request", "treeSize must be at least 1");
    }
    audited(caller, "log export" + (treeSize == null ? "" : " treeSize=" + treeSize));
    long size = log.exportSize(treeSize);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header("Content-Disposition", "attachment; filename=\"focus-audit-log.json\"")
        .body(out -> log.export(size, out));
  }

  private void audited(Caller caller, String call) {
    reads.record(caller, null, call);
  }
}

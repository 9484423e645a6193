package eu.focus.gateway.channel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEntry;
import eu.focus.gateway.audit.merkle.AuditLogService;
import eu.focus.gateway.problem.ApiException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ConsoleEntryControllerTest {

  @Test
  void theEntryPageShowsEveryFieldOfTheEntry() {
    AuditEntry e =
        new AuditEntry(
            7L,
            "id",
            Instant.EPOCH,
            "ag",
            "p",
            "AGENCY",
            AuditAction.DISCLOSED,
            "pu",
            "lb",
            "c",
            "psn",
            "rec",
            2,
            "to",
            "S1",
            "SUCCESS",
            "why",
            "corr",
            "REST",
            "RO",
            "RS",
            "LED_ART37",
            "other-entry");
    List<ConsoleEntryController.Field> fields = ConsoleEntryController.fields(e);
    List<String> components =
        Arrays.stream(AuditEntry.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();
    // a field added to AuditEntry must show on the page too
    assertThat(fields.stream().map(f -> f.label().substring("console.field.".length())).toList())
        .containsExactlyInAnyOrderElementsOf(components);
    assertThat(fields.get(3).value()).isEqualTo(AuditAction.DISCLOSED);
  }

  private static final AuditLogService.CheckpointView CHECKPOINT =
      new AuditLogService.CheckpointView(
          5, "cm9vdA==", Instant.parse("2026-11-29T10:00:00Z"), "origin/audit\n5\ncm9vdA==\n");

  private static AuditLogService.InclusionProof inclusion() {
    return new AuditLogService.InclusionProof("id", 3, 5, "{}", "bGVhZg==", List.of(), CHECKPOINT);
  }

  private static ConsoleEntryController.Proof proof(AuditLogService log) {
    return new ConsoleEntryController(null, null, log).proof("id");
  }

  @Test
  void aVerifiedProofShowsLeafTreeSizeCheckpointTimeAndOrigin() {
    AuditLogService log = mock(AuditLogService.class);
    when(log.checkEntry("id"))
        .thenReturn(new AuditLogService.EntryCheck(true, "leaf 3 is in", inclusion()));
    assertThat(proof(log))
        .isEqualTo(
            new ConsoleEntryController.Proof(
                ConsoleEntryController.ProofState.VERIFIED,
                null,
                3L,
                5L,
                CHECKPOINT.signedAt(),
                "origin/audit"));
  }

  @Test
  void aFailedCheckKeepsTheVerifiersReason() {
    AuditLogService log = mock(AuditLogService.class);
    when(log.checkEntry("id"))
        .thenReturn(new AuditLogService.EntryCheck(false, "proof: root mismatch", inclusion()));
    ConsoleEntryController.Proof p = proof(log);
    assertThat(p.state()).isEqualTo(ConsoleEntryController.ProofState.FAILED);
    assertThat(p.detail()).isEqualTo("proof: root mismatch");
    assertThat(p.messageKey()).isEqualTo("console.proof.failed");
  }

  @Test
  void notYetCheckpointedIsPendingAndNotLoggedIsFailed() {
    AuditLogService log = mock(AuditLogService.class);
    when(log.checkEntry("id"))
        .thenThrow(ApiException.of(HttpStatus.CONFLICT, "conflict", "No checkpoint yet"));
    assertThat(proof(log).state()).isEqualTo(ConsoleEntryController.ProofState.PENDING);
    assertThat(proof(log).leafIndex()).isNull();

    AuditLogService notLogged = mock(AuditLogService.class);
    when(notLogged.checkEntry("id")).thenThrow(ApiException.notFound("Audit entry id"));
    assertThat(proof(notLogged).state()).isEqualTo(ConsoleEntryController.ProofState.FAILED);
  }
}

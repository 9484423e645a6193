package eu.focus.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.CodeLists;
import eu.focus.contract.ContractValidator;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.agency.AgencyDirectory;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.consent.ConsentStore;
import eu.focus.gateway.metrics.FocusMetrics;
import eu.focus.gateway.outbox.DeliveryStore;
import eu.focus.gateway.policy.Decision;
import eu.focus.gateway.policy.PolicyEngine;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.record.StoredRecord;
import eu.focus.gateway.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of {@link IntakeService#submit} and its {@link SubmissionChecks}, each called alone,
 * with mocks at the edges.
 */
class IntakeStepsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final Caller AUTHOR = new Caller("nl-police", "officer", Set.of("AGENCY"));
  private static final Agency SENDER =
      new Agency("nl-police", "NL", "POLICE", "Police NL", "c-nl", null, "REST");
  private static final Agency RECIPIENT =
      new Agency("ro-social", "RO", "SOCIAL", "Social RO", "c-ro", null, "REST");

  private final RecordStore records = mock(RecordStore.class);
  private final DeliveryStore deliveries = mock(DeliveryStore.class);
  private final PolicyEngine policy = mock(PolicyEngine.class);
  private final AuditLog audit = mock(AuditLog.class);
  private final SubmissionChecks checks =
      new SubmissionChecks(
          mock(ContractValidator.class),
          mock(CodeLists.class),
          mock(AgencyDirectory.class),
          records,
          mock(ConsentStore.class),
          mock(Pseudonymiser.class),
          audit,
          mock(TransactionTemplate.class));
  private final IntakeService intake =
      new IntakeService(
          checks,
          records,
          deliveries,
          policy,
          audit,
          mock(FocusMetrics.class),
          mock(TransactionTemplate.class),
          Clock.systemUTC());

  private static ObjectNode record(int version) {
    ObjectNode r = JSON.createObjectNode();
    r.put("recordId", "r-1").put("version", version);
    r.putObject("child").put("subjectPseudonym", "psn-1");
    r.putObject("assessment").put("status", "FINAL");
    return r;
  }

  private static StoredRecord stored(int version) {
    return new StoredRecord(
        "r-1", version, "psn-1", "nl-police", "CHILD", "FINAL", record(version), NOW);
  }

  @Test
  void checkVersionRefusesAFirstVersionOtherThanOne() {
    assertThatThrownBy(() -> checks.checkVersion(AUTHOR, record(2), 2, Optional.empty()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.code()).isEqualTo("version-conflict");
            });
  }

  @Test
  void checkVersionTellsAReshareOfTheSameContent() {
    assertThat(checks.checkVersion(AUTHOR, record(1), 1, Optional.of(stored(1)))).isTrue();
    ObjectNode next = record(2);
    next.put("previousVersion", 1);
    assertThat(checks.checkVersion(AUTHOR, next, 2, Optional.of(stored(1)))).isFalse();
  }

  @Test
  void aDeniedRecipientGetsNoDeliveryAndADenyEntry() {
    CheckedSubmission c =
        new CheckedSubmission(
            JSON.createObjectNode(),
            SENDER,
            List.of(RECIPIENT),
            "r-1",
            1,
            Optional.empty(),
            false,
            "psn-1",
            record(1),
            null,
            Optional.empty(),
            "CHILD_PROTECTION",
            "LED_ART_8",
            null);
    when(policy.decide(any()))
        .thenReturn(Decision.deny("ro-social", "R-NO-CONSENT", "no consent on record"));
    AuditEvent base =
        AuditEvent.of(AuditAction.COLLECTED, "SUCCESS")
            .actor("nl-police", "officer", "AGENCY")
            .record("psn-1", "r-1", 1);

    SubmissionResult.RecipientDecision d = intake.decideAndQueue(c, RECIPIENT, base, "x-1", NOW);

    assertThat(d.decision()).isEqualTo("DENY");
    assertThat(d.deliveryId()).isNull();
    verify(deliveries, never()).insert(any(), any(), anyInt(), any(), any(), any(), any(), any());
    ArgumentCaptor<AuditEvent> entry = ArgumentCaptor.forClass(AuditEvent.class);
    verify(audit).append(entry.capture());
    assertThat(entry.getValue().action()).isEqualTo(AuditAction.DECIDED);
    assertThat(entry.getValue().outcome()).isEqualTo("DENY");
    assertThat(entry.getValue().recipientAgency()).isEqualTo("ro-social");
    assertThat(entry.getValue().classes()).isNull();
    assertThat(entry.getValue().sourceCountry()).isEqualTo("NL");
    assertThat(entry.getValue().destinationCountry()).isEqualTo("RO");
    assertThat(entry.getValue().reason()).isEqualTo("R-NO-CONSENT: no consent on record");
  }

  @Test
  void auditStoredWritesNothingForAReshare() {
    CheckedSubmission reshare =
        new CheckedSubmission(
            JSON.createObjectNode(),
            SENDER,
            List.of(RECIPIENT),
            "r-1",
            1,
            Optional.of(stored(1)),
            true,
            "psn-1",
            record(1),
            null,
            Optional.empty(),
            "CHILD_PROTECTION",
            "LED_ART_8",
            null);
    AuditEvent base = intake.auditStored(AUTHOR, reshare, "corr-1", "REST");
    verify(audit, never()).append(any());
    assertThat(base.action()).isEqualTo(AuditAction.COLLECTED);
    assertThat(base.channel()).isEqualTo("REST");
  }
}

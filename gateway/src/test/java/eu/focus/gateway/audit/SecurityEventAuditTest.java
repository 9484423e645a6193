package eu.focus.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import eu.focus.gateway.config.FocusProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

class SecurityEventAuditTest {

  private Instant now = Instant.parse("2026-11-29T10:00:05Z");
  private final List<AuditEvent> written = new ArrayList<>();

  private SecurityEventAudit events(int perMinute) {
    AuditLog log = mock(AuditLog.class);
    when(log.append(any()))
        .thenAnswer(
            i -> {
              written.add(i.getArgument(0));
              return "id";
            });
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneId.of("UTC");
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    FocusProperties props =
        new FocusProperties(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new FocusProperties.Auditor(10, perMinute),
            null);
    return new SecurityEventAudit(log, mock(PlatformTransactionManager.class), clock, props);
  }

  @Test
  void writesAtMostTheAllowancePerMinuteAndReportsTheRestInTheNextMinute() {
    SecurityEventAudit events = events(2);
    for (int i = 0; i < 5; i++) {
      events.refused(AuditAction.AUTH_FAILED, null, null, null, "REST", "GET /x", null);
    }
    events.refused(AuditAction.ACCESS_DENIED, "ro-police", "p", "AGENCY", "REST", "GET /y", "R");
    assertThat(written).hasSize(3);

    now = now.plusSeconds(60);
    events.refused(AuditAction.AUTH_FAILED, null, null, null, "SOAP", "POST /z", null);

    assertThat(written).hasSize(4);
    AuditEvent next = written.get(3);
    assertThat(next.reason()).isEqualTo("POST /z (3 more left out in the previous minute)");
    assertThat(next.channel()).isEqualTo("SOAP");
    assertThat(next.outcome()).isEqualTo("DENY");
    assertThat(written.get(2).reason()).isEqualTo("GET /y rule=R");
    assertThat(written.get(2).actorAgency()).isEqualTo("ro-police");
  }
}

package eu.focus.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEntry;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}

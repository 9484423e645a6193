package eu.focus.gateway.retention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import eu.focus.gateway.support.GatewayIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The retention job against the booted gateway. Age is set in the database (the version's stored
 * time), not waited for; the pass is started on demand, as the schedule would.
 */
class RetentionIT extends GatewayIT {

  @Autowired RetentionJob retention;
  @Autowired JobLock lock;

  @Test
  void aPassRemovesExpiredClassesEverywhereAndLeavesTheAuditLogAsItWas() {
    String child = UUID.randomUUID().toString();
    // R: 2.5 years old, so S5, S6, S7 are past their two and one year(s); delivered to ro-court
    String r = submit(child, "ro-court", "ADJUDICATION", null);
    String deliveredR = deliveryOf(r);
    awaitDeliveryStatus(deliveredR, "DELIVERED");
    // OLD: ten years old, everything past; its delivery to ro-prosecutor is a dead letter
    RECIPIENTS.stubFor(
        WireMock.post(urlPathEqualTo("/ro-prosecutor/inbox"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(500)));
    String old = submit(child, "ro-prosecutor", "PROSECUTION_DECISION", null);
    String deadLetter = deliveryOf(old);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> deliveryStatus(deadLetter).equals("DEAD_LETTER"));
    RECIPIENTS.resetMappings();
    acceptEverythingByDefault();
    // UNTIL: stored today, but its own retentionUntil has passed: the earlier end wins
    String until = submit(child, "ro-court", "ADJUDICATION", "2020-01-01");
    awaitDeliveryStatus(deliveryOf(until), "DELIVERED");
    // FRESH: stored today, nothing due
    String fresh = submit(child, "ro-court", "ADJUDICATION", null);
    awaitDeliveryStatus(deliveryOf(fresh), "DELIVERED");

    age(r, Duration.ofDays(365 * 2 + 180));
    age(old, Duration.ofDays(365 * 10));
    JsonNode rBefore = content(r);
    JsonNode freshBefore = content(fresh);
    List<Map<String, Object>> auditBefore = auditOf(List.of(r, old, until, fresh));

    Instant slot = Instant.now();
    RetentionJob.Pass pass = retention.run(slot).orElseThrow();

    assertThat(pass.versions()).isGreaterThanOrEqualTo(3);
    assertThat(pass.failed()).isZero();
    // R: the expired classes are gone, the rest is as it was
    JsonNode rAfter = content(r);
    assertThat(removedClasses(r)).isEqualTo("S5,S6,S7");
    assertThat(findingClasses(rAfter)).doesNotContain("S5", "S6", "S7").isNotEmpty();
    assertThat(rAfter.at("/assessment/childViews").isMissingNode()).isTrue();
    assertThat(rAfter.at("/child/communicationOrDisabilityNeeds").isMissingNode()).isTrue();
    assertThat(rAfter.get("guardians")).isEqualTo(rBefore.get("guardians"));
    assertThat(rAfter.at("/child/name")).isEqualTo(rBefore.at("/child/name"));
    // OLD and UNTIL: only the S0 skeleton is left
    for (String skeleton : List.of(old, until)) {
      JsonNode c = content(skeleton);
      assertThat(removedClasses(skeleton)).isEqualTo("S1,S2,S3,S4,S5,S6,S7");
      assertThat(c.has("child") || c.has("case") || c.has("assessment") || c.has("guardians"))
          .as(c.toString())
          .isFalse();
      assertThat(c.path("recordId").asText()).isEqualTo(skeleton);
    }
    // FRESH: untouched
    assertThat(content(fresh)).isEqualTo(freshBefore);
    assertThat(removedClasses(fresh)).isNull();
    // deliveries: the dead letter of the expired record cannot be replayed any more
    assertThat(deliveryStatus(deadLetter)).isEqualTo("CANCELLED");
    assertThat(deliveryStatus(deliveredR)).isEqualTo("DELIVERED");
    Response replay =
        post("/api/v1/operations/deliveries/" + deadLetter + "/replay", roleToken("OPERATOR"), "");
    assertThat(replay.status()).isEqualTo(409);

    // every earlier audit entry is still there, byte for byte; the pass added its own
    List<Map<String, Object>> auditAfter = auditOf(List.of(r, old, until, fresh));
    assertThat(auditAfter).containsAll(auditBefore);
    assertThat(actionsOf(r)).contains("RETENTION_APPLIED");
    assertThat(applied(r)).containsExactly("S5,S6,S7");
    assertThat(applied(old)).containsExactly("S1,S2,S3,S4,S5,S6,S7");
    assertThat(applied(until)).containsExactly("S1,S2,S3,S4,S5,S6,S7");
    assertThat(applied(fresh)).isEmpty();
    assertThat(actionsOf(old)).contains("CANCELLED");

    // a recipient still reads what is left, and is told which classes are gone
    Response read = get("/api/v1/records/" + r, agencyToken("ro-court"));
    assertThat(read.status()).as(read.text()).isEqualTo(200);
    assertThat(read.json().path("withheldClasses").toString()).contains("S5", "S6", "S7");
    assertThat(findingClasses(read.json().path("record"))).doesNotContain("S5", "S6", "S7");

    // the run itself is visible to auditors, with its counts
    JsonNode runs =
        get("/api/v1/audit/entries?action=RETENTION_RUN&size=500", roleToken("AUDITOR")).json();
    assertThat(runs.findValuesAsText("reason"))
        .anySatisfy(reason -> assertThat(reason).startsWith("slot " + slot.toString()));

    // a second pass finds nothing more to do for these records, and still says it ran
    RetentionJob.Pass again = retention.runNow().orElseThrow();
    assertThat(applied(r)).hasSize(1);
    assertThat(content(r)).isEqualTo(rAfter);
    assertThat(again.failed()).isZero();
  }

  @Test
  void aSlotRunsOnceHoweverManyInstancesFireIt() {
    Instant slot = Instant.now();
    assertThat(retention.run(slot)).isPresent();
    // a second instance firing the same slot (or an older one) does not run it again
    assertThat(retention.run(slot)).isEmpty();
    assertThat(retention.run(slot.minusSeconds(60))).isEmpty();
    // while one instance holds the job, no other starts a later slot
    Instant now = Instant.now();
    assertThat(lock.claim(RetentionJob.JOB, now, "other", now, now.plusSeconds(60))).isTrue();
    Instant held = Instant.now();
    assertThat(retention.run(held)).isEmpty();
    lock.release(RetentionJob.JOB, "other");
    assertThat(retention.run(Instant.now())).isPresent();
    long runs =
        jdbc.sql(
                "select count(*) from audit_entry where action = 'RETENTION_RUN'"
                    + " and (reason like :a or reason like :b)")
            .param("a", "slot " + slot + ":%")
            .param("b", "slot " + held + ":%")
            .query(Long.class)
            .single();
    assertThat(runs).isEqualTo(1);
  }

  @Test
  void theOutboxAndNationalMessagesHoldNoContentThatRetentionWouldHaveToReach() {
    // Retention and erasure clean assessment_record; deliveries are built from it when sent. If a
    // payload column is ever added to these tables, this fails: retention must then cover it.
    List<Map<String, Object>> wide =
        jdbc.sql(
                """
                select lower(table_name) as t, lower(column_name) as c from information_schema.columns
                where lower(table_name) in ('delivery', 'national_message', 'exchange')
                  and (character_maximum_length > 400
                       or lower(data_type) in ('text', 'bytea', 'character large object', 'clob',
                                               'binary large object', 'json', 'jsonb'))
                """)
            .query()
            .listOfRows();
    assertThat(wide).isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from information_schema.columns"
                        + " where lower(table_name) = 'national_message'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Submits example 01 for one child (by national identifier); returns the record id. */
  private String submit(String child, String recipient, String purpose, String retentionUntil) {
    ObjectNode s = freshSubmission("01");
    ObjectNode record = (ObjectNode) s.get("record");
    ((ObjectNode) record.at("/child/nationalIdentifiers/0")).put("value", child);
    if (retentionUntil != null) {
      ((ObjectNode) record.get("versioning")).put("retentionUntil", retentionUntil);
    }
    s.putArray("recipients").add(recipient);
    s.put("purposeOfUse", purpose);
    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);
    assertThat(r.status()).as(r.text()).isEqualTo(202);
    assertThat(r.json().at("/decisions/0/decision").asText()).as(r.text()).isEqualTo("PERMIT");
    return record.path("recordId").asText();
  }

  private String deliveryOf(String recordId) {
    return jdbc.sql("select delivery_id from delivery where record_id = :r")
        .param("r", recordId)
        .query(String.class)
        .single();
  }

  private void age(String recordId, Duration by) {
    jdbc.sql("update assessment_record set created_at = :at where record_id = :r")
        .param("at", OffsetDateTime.now(ZoneOffset.UTC).minus(by))
        .param("r", recordId)
        .update();
  }

  private JsonNode content(String recordId) {
    String text =
        jdbc.sql("select content from assessment_record where record_id = :r")
            .param("r", recordId)
            .query(String.class)
            .single();
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String removedClasses(String recordId) {
    List<Map<String, Object>> rows =
        jdbc.sql("select removed_classes from assessment_record where record_id = :r")
            .param("r", recordId)
            .query()
            .listOfRows();
    return (String) rows.get(0).get("removed_classes");
  }

  private List<Map<String, Object>> auditOf(List<String> recordIds) {
    return jdbc.sql(
            "select seq, entry_id, action, canonical from audit_entry where record_id in (:ids)"
                + " order by seq")
        .param("ids", recordIds)
        .query()
        .listOfRows();
  }

  private List<String> actionsOf(String recordId) {
    return jdbc.sql("select action from audit_entry where record_id = :r order by seq")
        .param("r", recordId)
        .query(String.class)
        .list();
  }

  private List<String> applied(String recordId) {
    return jdbc.sql(
            "select classes from audit_entry where record_id = :r and action = 'RETENTION_APPLIED'"
                + " order by seq")
        .param("r", recordId)
        .query(String.class)
        .list();
  }

  private static List<String> findingClasses(JsonNode record) {
    List<String> classes = new ArrayList<>();
    record.at("/assessment/findings").forEach(f -> classes.add(f.path("sensitivity").asText()));
    return classes;
  }
}

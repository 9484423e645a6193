package eu.focus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.fhir.ContractFhir;
import eu.focus.contract.xml.ContractXml;
import eu.focus.gateway.support.GatewayIT;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * docs/architecture.md: the same record sent over REST, SOAP or FHIR gives the same stored
 * contract, decisions and audit entries. One assessment goes in three times, once per channel (each
 * time under its own message and record id, else the second would be a repeat of the first);
 * everything the foundation stored about the three must then be the same apart from ids, times and
 * the channel. This is what proves the channels only translate: a rule applied in one channel and
 * not another would show here as a different decision, class set or audit trail.
 */
class ThreeChannelEquivalenceIT extends GatewayIT {

  private static final String SOAP_PATH = "/services/focus/v1/exchange";
  private static final String SOAP_NS = "urn:eu:focus:exchange:v1";

  /**
   * Audit columns that identify one event rather than describe it ({@code canonical} is every
   * column together, the leaf the Merkle log hashes, so it holds the ids too).
   */
  private static final Set<String> AUDIT_IDENTITY =
      Set.of(
          "seq", "entry_id", "occurred_at", "correlation_id", "record_id", "channel", "canonical");

  /** Exchange columns that identify one submission rather than describe it. */
  private static final Set<String> EXCHANGE_IDENTITY =
      Set.of("exchange_id", "message_id", "record_id", "correlation_id", "created_at", "channel");

  @Autowired private ContractFhir fhir;
  @Autowired private FhirContext fhirContext;

  private final ContractXml xml = ContractXml.load();

  @Test
  void theSameAssessmentByRestSoapAndFhirIsStoredDecidedAndAuditedAlike() throws Exception {
    Map<String, String> recordIds = new LinkedHashMap<>();
    for (String channel : List.of("REST", "SOAP", "FHIR")) {
      ObjectNode submission = freshSubmission("01");
      String recordId = submission.at("/record/recordId").asText();
      Response r = submit(channel, submission);
      assertThat(r.status()).as(channel + ": " + r.text()).isBetween(200, 299);
      recordIds.put(channel, recordId);
    }
    // deliveries run after the intake: wait until each record reached its recipient, so that the
    // DISCLOSED entries are part of the comparison
    for (String recordId : recordIds.values()) {
      for (String deliveryId : deliveryIds(recordId)) {
        awaitDeliveryStatus(deliveryId, "DELIVERED");
      }
    }

    Map<String, Snapshot> byChannel = new LinkedHashMap<>();
    recordIds.forEach((channel, recordId) -> byChannel.put(channel, snapshot(recordId)));

    Snapshot rest = byChannel.get("REST");
    assertThat(rest.deliveries()).as("the example is delivered somewhere").isNotEmpty();
    assertThat(rest.audit()).extracting(e -> e.get("action")).contains("COLLECTED", "DISCLOSED");
    for (String channel : List.of("SOAP", "FHIR")) {
      Snapshot other = byChannel.get(channel);
      assertThat(other.record()).as(channel + ": stored record").isEqualTo(rest.record());
      assertThat(other.exchange()).as(channel + ": exchange").isEqualTo(rest.exchange());
      assertThat(other.deliveries()).as(channel + ": deliveries").isEqualTo(rest.deliveries());
      assertThat(other.audit()).as(channel + ": audit entries").isEqualTo(rest.audit());
    }
    // ... and the channel is what tells them apart, in the exchange and in the audit log
    recordIds.forEach(
        (channel, recordId) -> {
          assertThat(column("select channel from exchange where record_id = :id", recordId))
              .containsOnly(channel);
          assertThat(
                  column(
                      "select channel from audit_entry where record_id = :id"
                          + " and action = 'COLLECTED'",
                      recordId))
              .containsOnly(channel);
        });
  }

  // ---- the three channels, each as its clients use it ------------------------------------------

  private Response submit(String channel, ObjectNode submission) {
    String token = agencyToken(submission.path("sourceAgency").asText());
    return switch (channel) {
      case "REST" -> post("/api/v1/exchanges", token, submission);
      case "SOAP" ->
          postRaw(
              SOAP_PATH,
              token,
              "text/xml; charset=UTF-8",
              "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                  + "<SubmitAssessmentRequest xmlns=\""
                  + SOAP_NS
                  + "\">"
                  + withoutDeclaration(xml.toXml(ContractDocument.SUBMISSION, submission))
                  + "</SubmitAssessmentRequest></soap:Body></soap:Envelope>",
              Map.of("SOAPAction", "\"\""));
      case "FHIR" ->
          postRaw(
              "/fhir/Bundle",
              token,
              "application/fhir+json",
              fhirContext
                  .newJsonParser()
                  .encodeResourceToString(fhir.submissionToBundle(submission)));
      default -> throw new IllegalArgumentException(channel);
    };
  }

  private static String withoutDeclaration(String xmlDocument) {
    return xmlDocument.substring(xmlDocument.indexOf("?>") + 2).strip();
  }

  // ---- what the foundation stored ----------------------------------------------------------

  /** Everything stored about one record, with the columns that identify events removed. */
  record Snapshot(
      Map<String, Object> record,
      Map<String, Object> exchange,
      List<Map<String, Object>> deliveries,
      List<Map<String, Object>> audit) {}

  private Snapshot snapshot(String recordId) {
    Map<String, Object> record =
        new LinkedHashMap<>(
            jdbc.sql(
                    "select version, subject_pseudonym, authoring_agency, subject_category, status"
                        + " from assessment_record where record_id = :id")
                .param("id", recordId)
                .query()
                .singleRow());
    record.put(
        "content",
        contentWithoutRecordId(
            jdbc.sql("select content from assessment_record where record_id = :id")
                .param("id", recordId)
                .query(String.class)
                .single()));
    Map<String, Object> exchange =
        without(
            jdbc.sql("select * from exchange where record_id = :id")
                .param("id", recordId)
                .query()
                .singleRow(),
            EXCHANGE_IDENTITY);
    List<Map<String, Object>> deliveries =
        jdbc.sql(
                "select recipient_agency, kind, status, record_version, consent_id from delivery"
                    + " where record_id = :id order by recipient_agency")
            .param("id", recordId)
            .query()
            .listOfRows();
    List<Map<String, Object>> audit = new ArrayList<>();
    jdbc.sql("select * from audit_entry where record_id = :id order by seq")
        .param("id", recordId)
        .query()
        .listOfRows()
        .forEach(row -> audit.add(without(row, AUDIT_IDENTITY)));
    return new Snapshot(record, exchange, deliveries, audit);
  }

  private JsonNode contentWithoutRecordId(String content) {
    try {
      ObjectNode json = (ObjectNode) JSON.readTree(content);
      json.remove("recordId");
      return json;
    } catch (Exception e) {
      throw new IllegalStateException("stored content is not JSON", e);
    }
  }

  private static Map<String, Object> without(Map<String, Object> row, Set<String> columns) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach(
        (k, v) -> {
          if (!columns.contains(k.toLowerCase())) {
            out.put(k.toLowerCase(), v);
          }
        });
    return out;
  }

  private List<String> deliveryIds(String recordId) {
    return column("select delivery_id from delivery where record_id = :id", recordId);
  }

  private List<String> column(String sql, String recordId) {
    return jdbc.sql(sql).param("id", recordId).query(String.class).list();
  }
}

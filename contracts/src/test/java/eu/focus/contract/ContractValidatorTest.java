package eu.focus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContractValidatorTest {

  private static final ContractValidator VALIDATOR = ContractValidator.load();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static ObjectNode submission() {
    return (ObjectNode) ContractFiles.submission("01");
  }

  private static ObjectNode record(ObjectNode submission) {
    return (ObjectNode) submission.get("record");
  }

  private static List<String> pointers(List<Violation> violations) {
    return violations.stream().map(Violation::pointer).toList();
  }

  @Test
  void reportsEveryViolationWithItsPointer() {
    ObjectNode doc = submission();
    doc.remove("purposeOfUse");
    ((ObjectNode) doc.at("/record/case/offences/0")).put("iccs", "99");
    ((ObjectNode) doc.at("/record/child")).put("interpreterNeeded", "no");

    List<Violation> violations = VALIDATOR.validate(ContractDocument.SUBMISSION, doc);

    assertThat(pointers(violations))
        .containsExactly(
            "/purposeOfUse", "/record/case/offences/0/iccs", "/record/child/interpreterNeeded");
    assertThat(violations.get(0).message()).contains("purposeOfUse");
    assertThat(violations.get(1).message()).contains("'99'").contains("iccs");
  }

  @Test
  void reportsAMemberThatIsNotAllowedAtItsOwnPointer() {
    ObjectNode doc = submission();
    ((ObjectNode) doc.at("/record/child")).put("nickname", "Ioni");

    assertThat(pointers(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)))
        .containsExactly("/record/child/nickname");
  }

  @Test
  void escapesPointerSegmentsPerRfc6901() {
    ObjectNode doc = submission();
    ((ObjectNode) doc.at("/record/child")).put("a/b~c", 1);

    assertThat(pointers(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)))
        .containsExactly("/record/child/a~1b~0c");
  }

  static Stream<String[]> unknownCodes() {
    return Stream.of(
        new String[] {"/sourceCountry", "XX"},
        new String[] {"/purposeOfUse", "FISHING"},
        new String[] {"/legalBasis/basis", "GDPR_6_1_F"},
        new String[] {"/record/case/stage", "ARREST"},
        new String[] {"/record/child/language", "xx-Qaaa"},
        new String[] {"/record/assessment/recommendedMeasures/0/measure", "VRD99"},
        new String[] {"/record/case/childRoles/0/role", "BYSTANDER"},
        new String[] {"/record/guardians/0/role", "NEIGHBOUR"},
        new String[] {"/record/case/victimContextFlags/0", "BAD_LUCK"},
        new String[] {"/record/case/offences/0/iccs", "1201"});
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("unknownCodes")
  void rejectsACodeThatIsNotInItsList(String pointer, String code) {
    ObjectNode doc = submission();
    set(doc, pointer, code);

    List<Violation> violations = VALIDATOR.validate(ContractDocument.SUBMISSION, doc);

    assertThat(violations)
        .anySatisfy(
            v -> {
              assertThat(v.pointer()).isEqualTo(pointer);
              assertThat(v.message()).contains("'" + code + "'");
            });
  }

  @Test
  void acceptsElAsAnAliasOfGreece() {
    ObjectNode doc = (ObjectNode) ContractFiles.submission("04");
    doc.put("sourceCountry", "EL");
    ((ArrayNode) doc.at("/record/child/nationality")).removeAll().add("EL");

    assertThat(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"03", "0301", "03012", "030121"})
  void acceptsIccsCodesAtEveryLevelUnderAKnownSection(String code) {
    ObjectNode doc = submission();
    set(doc, "/record/case/offences/0/iccs", code);

    assertThat(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "030", "0301234", "03a1"})
  void rejectsIccsCodesOfTheWrongShape(String code) {
    ObjectNode doc = submission();
    set(doc, "/record/case/offences/0/iccs", code);

    assertThat(pointers(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)))
        .contains("/record/case/offences/0/iccs");
  }

  @Test
  void assertsFormats() {
    ObjectNode doc = submission();
    doc.put("messageId", "not-a-uuid");
    doc.put("sentAt", "yesterday");
    set(doc, "/record/case/offences/0/date", "2026-13-45");

    assertThat(pointers(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)))
        .containsExactly("/messageId", "/record/case/offences/0/date", "/sentAt");
  }

  @Test
  void rejectsPreviousVersionOnTheFirstVersion() {
    ObjectNode doc = submission();
    record(doc).put("previousVersion", 1);

    assertThat(pointers(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)))
        .containsExactly("/record/previousVersion");
  }

  @Test
  void requiresPreviousVersionAndVersioningFromTheSecondVersion() {
    ObjectNode doc = submission();
    record(doc).put("version", 2);
    record(doc).remove("versioning");

    assertThat(pointers(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)))
        .containsExactly("/record/previousVersion", "/record/versioning");
  }

  @Test
  void requiresAReasonWhenTheChildWasNotHeard() {
    ObjectNode doc = submission();
    ObjectNode views = (ObjectNode) doc.at("/record/assessment/childViews");
    views.removeAll();
    views.put("howHeard", "NOT_HEARD");

    assertThat(pointers(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)))
        .containsExactly("/record/assessment/childViews/notHeardReason");
  }

  @Test
  void acceptsASubmissionWithoutSubjectPseudonymOrWithOne() {
    ObjectNode doc = submission();
    assertThat(doc.at("/record/child/subjectPseudonym").isMissingNode()).isTrue();
    assertThat(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)).isEmpty();

    ((ObjectNode) doc.at("/record/child")).put("subjectPseudonym", "anything-the-sender-says");
    assertThat(VALIDATOR.validate(ContractDocument.SUBMISSION, doc)).isEmpty();
  }

  @Test
  void validatesTheRecordOnItsOwn() {
    JsonNode record = submission().get("record");

    assertThat(VALIDATOR.validate(ContractDocument.RECORD, record)).isEmpty();
  }

  @Test
  void requiresTheGuardianIdWhenAGuardianGrantsConsent() {
    ObjectNode consent =
        (ObjectNode)
            ContractFiles.examples().stream()
                .filter(e -> e.document() == ContractDocument.CONSENT)
                .map(ContractFiles.Example::json)
                .filter(c -> "GUARDIAN".equals(c.at("/grantor/type").asText()))
                .findFirst()
                .orElseThrow()
                .deepCopy();
    ((ObjectNode) consent.get("grantor")).remove("guardianId");

    assertThat(pointers(VALIDATOR.validate(ContractDocument.CONSENT, consent)))
        .containsExactly("/grantor/guardianId");
  }

  @Test
  void acceptsADeliveryWhoseMinimisedRecordLacksRequiredMembers() {
    ObjectNode delivery = delivery();

    assertThat(VALIDATOR.validate(ContractDocument.DELIVERY_MESSAGE, delivery)).isEmpty();
  }

  @Test
  void requiresTheRevocationOnARevocationDelivery() {
    ObjectNode delivery = delivery();
    delivery.put("kind", "REVOCATION");

    assertThat(pointers(VALIDATOR.validate(ContractDocument.DELIVERY_MESSAGE, delivery)))
        .containsExactly("/revocation");
  }

  @ParameterizedTest
  @EnumSource(ContractDocument.class)
  void reportsANonObjectAsOneViolationAtTheRoot(ContractDocument document) {
    for (JsonNode input :
        List.of(
            JSON.arrayNode().add(1), JSON.textNode("{}"), JSON.numberNode(3), NullNode.instance)) {
      assertThat(VALIDATOR.validate(document, input))
          .singleElement()
          .satisfies(v -> assertThat(v.pointer()).isEmpty());
    }
    assertThat(VALIDATOR.validate(document, null)).singleElement();
  }

  @ParameterizedTest
  @EnumSource(ContractDocument.class)
  void neverThrowsOnStrangeDocuments(ContractDocument document) throws Exception {
    List<String> strange =
        List.of(
            "{}",
            "{\"record\": []}",
            "{\"record\": {\"child\": \"x\", \"case\": {\"offences\": {\"0\": 1}}}}",
            "{\"recipients\": {\"a\": 1}, \"legalBasis\": [], \"record\": {\"assessment\":"
                + " {\"findings\": [1, null, {\"sensitivity\": 5}]}}}",
            "{\"grantor\": {\"type\": \"GUARDIAN\"}, \"kind\": 1, \"version\": \"two\"}",
            "{\"\": {\"~\": {\"/\": null}}}",
            deeplyNested(500));
    for (String text : strange) {
      JsonNode input = ContractFiles.MAPPER.readTree(text);
      assertThatCode(() -> VALIDATOR.validate(document, input)).doesNotThrowAnyException();
      assertThat(VALIDATOR.validate(document, input)).isNotEmpty();
    }
  }

  @Test
  void returnsViolationsSortedAndWithoutDuplicates() {
    ObjectNode doc = submission();
    doc.remove(List.of("messageId", "sentAt", "recipients"));
    doc.put("sourceCountry", "ZZ");

    List<Violation> violations = VALIDATOR.validate(ContractDocument.SUBMISSION, doc);

    assertThat(violations).isSorted().doesNotHaveDuplicates();
    assertThat(pointers(violations))
        .containsExactly("/messageId", "/recipients", "/sentAt", "/sourceCountry");
  }

  private static ObjectNode delivery() {
    ObjectNode s = submission();
    ObjectNode d = JSON.objectNode();
    d.put("deliveryId", "d1e2f3a4-0000-4b5c-8d6e-7f8091a2b3c4");
    d.put("idempotencyKey", "d1e2f3a4-0000-4b5c-8d6e-7f8091a2b3c4#1");
    d.put("kind", "ASSESSMENT");
    d.set("messageId", s.get("messageId"));
    d.put("contractVersion", "1.0");
    d.set("sourceCountry", s.get("sourceCountry"));
    d.set("sourceAgency", s.get("sourceAgency"));
    d.put("destinationCountry", "RO");
    d.put("destinationAgency", "ro-child-protection");
    d.set("purposeOfUse", s.get("purposeOfUse"));
    d.set("legalBasis", s.get("legalBasis"));
    d.set("sentAt", s.get("sentAt"));
    d.set("withheldClasses", JSON.arrayNode().add("S7").add("S8"));
    ObjectNode minimised = JSON.objectNode();
    minimised.set("recordId", s.at("/record/recordId"));
    minimised.put("version", 1);
    d.set("record", minimised);
    return d;
  }

  private static void set(ObjectNode doc, String pointer, String value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = doc.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), JSON.textNode(value));
    } else {
      ((ObjectNode) parent).put(last, value);
    }
  }

  private static String deeplyNested(int depth) {
    return "{\"record\":".repeat(depth) + "{}" + "}".repeat(depth);
  }
}

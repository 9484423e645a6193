package eu.focus.contract.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractSchemas;
import eu.focus.contract.ContractValidator;
import eu.focus.contract.Minimisation;
import eu.focus.contract.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContractXmlTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ContractXml XML = ContractXml.load();
  private static final ContractXsd XSD = ContractXsd.load();
  private static final ContractValidator VALIDATOR = ContractValidator.load();

  /**
   * Golden files; {@code -Dfocus.xml.golden.write=true} rewrites them after a deliberate change.
   */
  private static final Path GOLDEN = Path.of("src/test/resources/xml-golden");

  static Stream<Arguments> examples() {
    List<Arguments> all = new ArrayList<>();
    for (JsonNode entry : resource("examples/index.json").path("examples")) {
      String file = entry.path("file").asText();
      all.add(
          Arguments.of(
              file,
              ContractDocument.valueOf(entry.path("document").asText()),
              resource("examples/" + file)));
    }
    all.add(Arguments.of("delivery message", ContractDocument.DELIVERY_MESSAGE, delivery()));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleBecomesValidXmlAndComesBackEqual(
      String name, ContractDocument kind, JsonNode json) {
    String xml = XML.toXml(kind, json);

    assertThat(XSD.validate(xml)).as(xml).isEmpty();
    assertThat(XML.fromXml(kind, xml)).isEqualTo(json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleRecordIsAValidAssessmentRecordToo(
      String name, ContractDocument kind, JsonNode json) {
    JsonNode record = kind == ContractDocument.SUBMISSION ? json.get("record") : null;
    if (record != null) {
      String xml = XML.toXml(ContractDocument.RECORD, record);
      assertThat(XSD.validate(xml)).isEmpty();
      assertThat(XML.fromXml(ContractDocument.RECORD, xml)).isEqualTo(record);
    }
  }

  /**
   * Every minimised form of every submission example's record (see {@link Minimisation}) travels in
   * a delivery message: valid against the XSD, where {@code MinimisedAssessmentRecord} makes every
   * member optional, and back unchanged.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyMinimisedFormOfARecordTravelsInADeliveryMessage(
      String name, ContractDocument kind, JsonNode json) {
    if (kind != ContractDocument.SUBMISSION) {
      return;
    }
    Minimisation.distinctForms(json.get("record"))
        .forEach(
            (variant, record) -> {
              JsonNode message = Minimisation.delivery(json, record, variant);
              String xml = XML.toXml(ContractDocument.DELIVERY_MESSAGE, message);
              assertThat(XSD.validate(xml)).as(variant).isEmpty();
              assertThat(XML.fromXml(ContractDocument.DELIVERY_MESSAGE, xml))
                  .as(variant)
                  .isEqualTo(message);
            });
  }

  @Test
  void theDeliveryMessageUsedHereIsValidContract() {
    assertThat(VALIDATOR.validate(ContractDocument.DELIVERY_MESSAGE, delivery())).isEmpty();
  }

  @Test
  void aSubmissionMatchesItsGoldenFile() throws IOException {
    golden(
        "07-be-child-witness-to-nl-police.submission.xml",
        XML.toXml(
            ContractDocument.SUBMISSION,
            resource("examples/07-be-child-witness-to-nl-police.submission.json")));
  }

  @Test
  void aConsentMatchesItsGoldenFile() throws IOException {
    golden(
        "03-ro-victim-support-referral.consent.xml",
        XML.toXml(
            ContractDocument.CONSENT,
            resource("examples/03-ro-victim-support-referral.consent.json")));
  }

  @Test
  void aMinimisedDeliveryMessageMatchesItsGoldenFile() throws IOException {
    golden("delivery-message.xml", XML.toXml(ContractDocument.DELIVERY_MESSAGE, delivery()));
  }

  @Test
  void theGoldenFilesReadBackToTheExamples() throws IOException {
    assertThat(
            XML.fromXml(
                ContractDocument.SUBMISSION,
                Files.readString(
                    GOLDEN.resolve("07-be-child-witness-to-nl-police.submission.xml"))))
        .isEqualTo(resource("examples/07-be-child-witness-to-nl-police.submission.json"));
  }

  @Test
  void aMinimisedRecordIsNotAValidFullRecordButAValidDeliveryMessage() {
    JsonNode message = delivery();
    assertThat(XSD.validate(XML.toXml(ContractDocument.RECORD, message.get("record"))))
        .isNotEmpty();
    assertThat(XSD.validate(XML.toXml(ContractDocument.DELIVERY_MESSAGE, message))).isEmpty();
  }

  @Test
  void elementOrderInTheInputDoesNotMatterOnTheWayBack() {
    String xml =
        "<Consent xmlns=\"urn:eu:focus:contract:v1\"><status>ACTIVE</status>"
            + "<recordId>7f3c9a03-2b1e-4c6a-9d4f-1a2b3c4d5e03</recordId>"
            + "<childFriendlyInfoGiven>1</childFriendlyInfoGiven><dataScope/></Consent>";
    JsonNode consent = XML.fromXml(ContractDocument.CONSENT, xml);
    assertThat(consent.get("childFriendlyInfoGiven").isBoolean()).isTrue();
    assertThat(consent.get("dataScope").isArray()).isTrue();
    assertThat(consent.get("dataScope")).isEmpty();
  }

  @Test
  void textThatDoesNotFitItsTypeIsLeftForTheValidatorToReport() {
    ObjectNode submission =
        (ObjectNode) resource("examples/07-be-child-witness-to-nl-police.submission.json");
    String xml =
        XML.toXml(ContractDocument.SUBMISSION, submission)
            .replace("<version>1</version>", "<version>first</version>")
            .replace(
                "<interpreterNeeded>false</interpreterNeeded>",
                "<interpreterNeeded>no</interpreterNeeded>");
    JsonNode back = XML.fromXml(ContractDocument.SUBMISSION, xml);

    assertThat(VALIDATOR.validate(ContractDocument.SUBMISSION, back))
        .extracting(Violation::pointer)
        .contains("/record/version", "/record/child/interpreterNeeded");
  }

  @Test
  void elementsTheContractDoesNotHaveAreAllListed() {
    String xml =
        XML.toXml(
                ContractDocument.SUBMISSION,
                resource("examples/07-be-child-witness-to-nl-police.submission.json"))
            .replace("<sourceCountry>", "<nickname>x</nickname><sourceCountry>")
            .replace("<city>Schaerbeek</city>", "<city>Schaerbeek</city><city>Brussels</city>")
            .replace("<recipients>", "<recipients lang=\"fr\">")
            .replace("<item>nl-police</item>", "<agency>nl-police</agency>");

    assertThatThrownBy(() -> XML.fromXml(ContractDocument.SUBMISSION, xml))
        .isInstanceOfSatisfying(
            ContractXmlException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::pointer)
                    .containsExactly(
                        "/nickname", "/recipients", "/recipients/0", "/record/child/address/city"));
  }

  @Test
  void aDtdIsRefused() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE Consent [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Consent xmlns=\"urn:eu:focus:contract:v1\"><status>&x;</status></Consent>";
    assertRefused(xxe, "DTD");
  }

  @Test
  void billionLaughsIsRefusedBeforeAnyExpansion() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE Consent [<!ENTITY l0 \"ha\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&l").append(i - 1).append(';');
      }
      dtd.append("\">");
    }
    dtd.append("]>");
    assertRefused(
        dtd + "<Consent xmlns=\"urn:eu:focus:contract:v1\"><status>&l9;</status></Consent>", "DTD");
  }

  @Test
  void malformedXmlIsRefusedWithItsPosition() {
    assertRefused(
        "<Consent xmlns=\"urn:eu:focus:contract:v1\"><status>", "not well-formed XML at line 1");
  }

  @Test
  void anotherDocumentElementIsRefused() {
    assertRefused("<Consent xmlns=\"urn:example\"/>", "expected element Consent in namespace");
  }

  @Test
  void membersTheSchemaDoesNotKnowCannotBeWritten() {
    ObjectNode consent =
        (ObjectNode) resource("examples/03-ro-victim-support-referral.consent.json");
    consent.put("colour", "blue");
    assertThatThrownBy(() -> XML.toXml(ContractDocument.CONSENT, consent))
        .isInstanceOfSatisfying(
            ContractXmlException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("/colour", "not a member of contract v1 here")));
  }

  @Test
  void theXsdRefusesWhatTheContractRefuses() {
    String xml =
        XML.toXml(
                ContractDocument.CONSENT,
                resource("examples/03-ro-victim-support-referral.consent.json"))
            .replace("<type>GUARDIAN</type>", "<type>UNCLE</type>");
    assertThat(XSD.validate(xml))
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v.message()).contains("'UNCLE'"));
  }

  private static void assertRefused(String xml, String message) {
    assertThatThrownBy(() -> XML.fromXml(ContractDocument.CONSENT, xml))
        .isInstanceOfSatisfying(
            ContractXmlException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.pointer()).isEmpty();
                          assertThat(v.message()).contains(message);
                        }));
  }

  /** A delivery message as the gateway sends it: the record minimised (S1, S4, S6 withheld). */
  static JsonNode delivery() {
    JsonNode submission = resource("examples/07-be-child-witness-to-nl-police.submission.json");
    ObjectNode record = (ObjectNode) submission.get("record").deepCopy();
    record.remove("guardians");
    ((ObjectNode) record.get("child"))
        .remove(List.of("nationalIdentifiers", "name", "birthDate", "nationality", "address"));
    ((ObjectNode) record.get("assessment")).remove("childViews");
    ObjectNode message = JSON.createObjectNode();
    message.put("messageId", submission.get("messageId").asText());
    message.put("contractVersion", "1.0");
    message.put("sourceCountry", "BE");
    message.put("sourceAgency", "be-police");
    message.put("deliveryId", "d0000007-0000-4000-8000-000000000007");
    message.put("idempotencyKey", "d0000007-0000-4000-8000-000000000007");
    message.put("kind", "ASSESSMENT");
    message.put("destinationCountry", "NL");
    message.put("destinationAgency", "nl-police");
    message.put("purposeOfUse", "INVESTIGATION");
    message.set("legalBasis", submission.get("legalBasis"));
    message.set("handlingConditions", submission.get("handlingConditions"));
    message.put("sentAt", "2026-11-16T18:00:05Z");
    message.putArray("withheldClasses").add("S1").add("S4").add("S6");
    message.set("record", record);
    return message;
  }

  private static void golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("focus.xml.golden.write")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  static JsonNode resource(String relative) {
    String path = ContractSchemas.RESOURCE_DIR + relative;
    try (InputStream in = ContractXmlTest.class.getClassLoader().getResourceAsStream(path)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

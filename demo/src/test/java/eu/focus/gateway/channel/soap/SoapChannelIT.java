package eu.focus.gateway.channel.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.xml.ContractXml;
import eu.focus.demo.simulator.SoapSystemSimulator;
import eu.focus.gateway.security.Caller;
import eu.focus.gateway.support.GatewayIT;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The SOAP channel end to end: the served WSDL, every operation with the same outcome as REST, and
 * every refusal as a SOAP Fault carrying FocusFault, with nothing stored.
 */
class SoapChannelIT extends GatewayIT {

  private static final String PATH = "/services/focus/v1/exchange";
  private static final String NS = "urn:eu:focus:exchange:v1";
  private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final ContractXml XML = ContractXml.load();

  // ---- the happy path, through a JAX-WS Dispatch client built from the served WSDL

  @Test
  void theWsdlIsServedWithoutAToken() {
    Response wsdl = get(PATH + "?wsdl", null);
    assertThat(wsdl.status()).isEqualTo(200);
    assertThat(wsdl.text()).contains("FocusExchangeService", "FocusExchangePort", "FocusFault");
    Response xsd = get(PATH + "?xsd=focus-contract-v1.xsd", null);
    assertThat(xsd.status()).isEqualTo(200);
    assertThat(xsd.text()).contains("MinimisedAssessmentRecord");
  }

  @Test
  void aSubmissionOverSoapGetsTheSameDecisionsAsOverRest() {
    ObjectNode overRest = freshSubmission("01");
    ObjectNode overSoap = freshSubmission("01");
    Response rest = post("/api/v1/exchanges", agencyToken("ro-police"), overRest);
    assertThat(rest.status()).as(rest.text()).isEqualTo(202);

    Element result = dispatch(submitRequest(overSoap), "ro-police");

    assertThat(result.getLocalName()).isEqualTo("SubmitAssessmentResponse");
    assertThat(text(result, "recordId")).isEqualTo(overSoap.at("/record/recordId").asText());
    assertThat(text(result, "version")).isEqualTo("1");
    assertThat(text(result, "subjectPseudonym")).isNotBlank();
    assertThat(decisions(result)).isEqualTo(decisions(rest.json()));
    assertThat(
            jdbc.sql("select channel from exchange where exchange_id = :id")
                .param("id", text(result, "exchangeId"))
                .query(String.class)
                .single())
        .isEqualTo("SOAP");
  }

  @Test
  void aRecordReadOverSoapIsTheMinimisedViewRestGives() {
    ObjectNode submission = freshSubmission("01");
    String recordId = submission.at("/record/recordId").asText();
    assertThat(post("/api/v1/exchanges", agencyToken("ro-police"), submission).status())
        .isEqualTo(202);
    String reader = submission.at("/recipients/0").asText();
    // a recipient sees the record once it was delivered to it
    Response rest =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> get("/api/v1/records/" + recordId, agencyToken(reader)),
                r -> r.status() == 200);
    assertThat(rest.json().path("withheldClasses")).isNotEmpty();

    Element view =
        dispatch(
            "<ReadAssessmentRequest xmlns=\""
                + NS
                + "\"><recordId>"
                + recordId
                + "</recordId></ReadAssessmentRequest>",
            reader);

    assertThat(text(view, "recordId")).isEqualTo(recordId);
    assertThat(items(child(view, "withheldClasses")))
        .containsExactlyElementsOf(strings(rest.json().path("withheldClasses")));
    assertThat(XML.fromElement(ContractDocument.RECORD, child(view, "record")))
        .isEqualTo(rest.json().path("record"));
    assertThat(
            jdbc.sql(
                    "select channel from audit_entry where record_id = :id and action = 'CONSULTED'"
                        + " order by seq")
                .param("id", recordId)
                .query(String.class)
                .list())
        .containsExactly("REST", "SOAP");
  }

  @Test
  void theExchangeStatusOverSoapIsTheOneRestGives() {
    ObjectNode submission = freshSubmission("01");
    Element submitted = dispatch(submitRequest(submission), "ro-police");
    String exchangeId = text(submitted, "exchangeId");
    Response rest = get("/api/v1/exchanges/" + exchangeId, agencyToken("ro-police"));

    Element status =
        dispatch(
            "<GetExchangeStatusRequest xmlns=\""
                + NS
                + "\"><exchangeId>"
                + exchangeId
                + "</exchangeId></GetExchangeStatusRequest>",
            "ro-police");

    assertThat(text(status, "exchangeId")).isEqualTo(exchangeId);
    assertThat(text(status, "sourceAgency")).isEqualTo("ro-police");
    assertThat(text(status, "purposeOfUse")).isEqualTo(rest.json().path("purposeOfUse").asText());
    List<String> recipients = new ArrayList<>();
    for (Element item : children(child(status, "deliveries"))) {
      recipients.add(text(item, "recipient"));
    }
    List<String> restRecipients = new ArrayList<>();
    rest.json().path("deliveries").forEach(d -> restRecipients.add(d.path("recipient").asText()));
    assertThat(recipients).containsExactlyInAnyOrderElementsOf(restRecipients).isNotEmpty();
  }

  @Test
  void aConsentIsRegisteredAndWithdrawnOverSoap() {
    ObjectNode submission = freshSubmission("01");
    assertThat(post("/api/v1/exchanges", agencyToken("ro-police"), submission).status())
        .isEqualTo(202);
    ObjectNode consent = consentFor(submission.at("/record/recordId").asText());
    long before = count("consent");

    Element registered =
        dispatch(
            "<RegisterConsentRequest xmlns=\""
                + NS
                + "\">"
                + body(XML.toXml(ContractDocument.CONSENT, consent))
                + "</RegisterConsentRequest>",
            "ro-police");

    JsonNode stored =
        XML.fromElement(
            ContractDocument.CONSENT, child(registered, ContractXml.NAMESPACE, "Consent"));
    String consentId = stored.path("consentId").asText();
    assertThat(consentId).isNotBlank();
    assertThat(stored.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(stored.path("dataScope")).isEqualTo(consent.path("dataScope"));
    assertThat(count("consent")).isEqualTo(before + 1);

    Element withdrawn =
        dispatch(
            "<WithdrawConsentRequest xmlns=\""
                + NS
                + "\"><consentId>"
                + consentId
                + "</consentId></WithdrawConsentRequest>",
            "ro-police");

    assertThat(text(withdrawn, "consentId")).isEqualTo(consentId);
    assertThat(text(withdrawn, "withdrawnAt")).isNotBlank();
    assertThat(
            get("/api/v1/consents/" + consentId, agencyToken("ro-police"))
                .json()
                .path("status")
                .asText())
        .isEqualTo("WITHDRAWN");
  }

  // ---- refusals: raw HTTP, so that the payloads can be anything

  @Test
  void malformedXmlIsAClientFaultAndNothingIsStored() {
    Map<String, Long> before = counts();
    Fault fault =
        post(envelope("<SubmitAssessmentRequest xmlns=\"" + NS + "\"><Submission>"), "ro-police");
    fault.is("Client", "malformed", 400);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aDtdWithAnExternalEntityIsRefused() {
    Map<String, Long> before = counts();
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + envelope(
                submitRequest(freshSubmission("01"))
                    .replace("<purposeOfUse>", "<purposeOfUse>&xxe;"));
    Fault fault = post(xxe, "ro-police");
    fault.is("Client", "malformed", 400);
    assertThat(fault.detail).contains("DTD");
    assertThat(fault.raw).doesNotContain("root:");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void billionLaughsIsRefusedBeforeExpansion() {
    Map<String, Long> before = counts();
    StringBuilder dtd = new StringBuilder("<!DOCTYPE soap:Envelope [<!ENTITY l0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"");
      dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>\n");
    Fault fault =
        post(
            dtd
                + envelope(
                    "<ReadAssessmentRequest xmlns=\""
                        + NS
                        + "\"><recordId>&l9;</recordId></ReadAssessmentRequest>"),
            "ro-police");
    fault.is("Client", "malformed", 400);
    assertThat(fault.detail).contains("DTD");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aContractViolationListsEveryViolationAsRestDoes() {
    ObjectNode submission = freshSubmission("01");
    submission.remove("purposeOfUse");
    submission.put("sourceCountry", "XX");
    ((ObjectNode) submission.get("record")).put("version", 0);
    ((ObjectNode) submission.at("/record/child")).remove("language");
    Response rest = post("/api/v1/exchanges", agencyToken("ro-police"), submission);
    assertThat(rest.status()).isEqualTo(422);
    Map<String, Long> before = counts();

    Fault fault = post(envelope(submitRequest(submission)), "ro-police");

    fault.is("Client", "contract-violation", 422);
    List<String> restErrors = new ArrayList<>();
    rest.json()
        .path("errors")
        .forEach(
            e -> restErrors.add(e.path("pointer").asText() + " " + e.path("message").asText()));
    assertThat(fault.errors).containsExactlyElementsOf(restErrors).hasSizeGreaterThanOrEqualTo(4);
    assertThat(fault.title).isEqualTo(rest.json().path("title").asText());
    assertThat(fault.detail).isEqualTo(rest.json().path("detail").asText());
    assertThat(counts()).isEqualTo(before);
    assertThat(
            get(
                    "/api/v1/records/" + submission.at("/record/recordId").asText(),
                    agencyToken("ro-police"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void anElementTheContractDoesNotHaveIsAContractViolation() {
    Map<String, Long> before = counts();
    Fault fault =
        post(
            envelope(
                submitRequest(freshSubmission("01"))
                    .replace("<sentAt>", "<colour>blue</colour><sentAt>")),
            "ro-police");
    fault.is("Client", "contract-violation", 422);
    assertThat(fault.errors).anyMatch(e -> e.startsWith("/colour "));
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anOversizedBodyIsRefusedAsAFault() {
    Map<String, Long> before = counts();
    String huge = "<!-- " + "x".repeat(70 * 1024) + " -->";
    Fault fault = post(envelope(huge + submitRequest(freshSubmission("01"))), "ro-police");
    fault.is("Client", "too-large", 413);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aCallWithoutATokenIsRefusedAsAFault() {
    Map<String, Long> before = counts();
    Fault fault = post(envelope(submitRequest(freshSubmission("01"))), null);
    fault.is("Client", "unauthenticated", 401);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aCallerWithoutTheAgencyRoleIsRefusedAsAFault() {
    Map<String, Long> before = counts();
    Response r =
        postRaw(
            PATH,
            roleToken(Caller.AUDITOR),
            "text/xml; charset=UTF-8",
            envelope(submitRequest(freshSubmission("01"))),
            Map.of("SOAPAction", "\"\""));
    Fault fault = Fault.of(r);
    fault.is("Client", "forbidden", 403);
    assertThat(fault.rule).isEqualTo("AUTH-ROLE-REQUIRED");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aSubmissionForAnotherAgencyIsRefusedWithTheRule() {
    Map<String, Long> before = counts();
    Fault fault = post(envelope(submitRequest(freshSubmission("01"))), "gr-police");
    fault.is("Client", "forbidden", 403);
    assertThat(fault.rule).isEqualTo("AUTH-SOURCE-AGENCY");
    assertThat(counts().get("assessment_record")).isEqualTo(before.get("assessment_record"));
  }

  @Test
  void anUnknownRecordIsNotFound() {
    Fault fault =
        post(
            envelope(
                "<ReadAssessmentRequest xmlns=\""
                    + NS
                    + "\"><recordId>"
                    + UUID.randomUUID()
                    + "</recordId></ReadAssessmentRequest>"),
            "ro-police");
    fault.is("Client", "not-found", 404);
  }

  // ---- helpers

  private Element dispatch(String payload, String agency) {
    String answer =
        SoapSystemSimulator.push(
            "http://127.0.0.1:" + port + PATH + "?wsdl",
            "{" + NS + "}FocusExchangeService",
            "{" + NS + "}FocusExchangePort",
            "http://127.0.0.1:" + port + PATH,
            payload,
            Map.of("Authorization", "Bearer " + agencyToken(agency)));
    return parse(answer).getDocumentElement();
  }

  private Fault post(String envelope, String agency) {
    return Fault.of(
        postRaw(
            PATH,
            agency == null ? null : agencyToken(agency),
            "text/xml; charset=UTF-8",
            envelope,
            Map.of("SOAPAction", "\"\"")));
  }

  private static String submitRequest(JsonNode submission) {
    return "<SubmitAssessmentRequest xmlns=\""
        + NS
        + "\">"
        + body(XML.toXml(ContractDocument.SUBMISSION, submission))
        + "</SubmitAssessmentRequest>";
  }

  /** A contract document without its XML declaration, to embed it. */
  private static String body(String xml) {
    return xml.substring(xml.indexOf("?>") + 2).strip();
  }

  private static String envelope(String payload) {
    return "<soap:Envelope xmlns:soap=\""
        + SOAP_NS
        + "\"><soap:Body>"
        + payload
        + "</soap:Body></soap:Envelope>";
  }

  private static ObjectNode consentFor(String recordId) {
    ObjectNode c = JSON.createObjectNode().put("recordId", recordId);
    c.putObject("grantor").put("type", "CHILD");
    c.putArray("recipients").addObject().put("agencyId", "ro-victim-support");
    c.putArray("dataScope").add("S4").add("S6");
    c.putArray("purposes").add("VICTIM_SUPPORT");
    c.putArray("actions").add("disclose");
    c.putObject("period").put("start", "2026-01-01");
    c.put("childFriendlyInfoGiven", true);
    return c;
  }

  /** recipient, decision, rule and classes of every decision, in order. */
  private static List<String> decisions(Element result) {
    List<String> out = new ArrayList<>();
    for (Element d : children(child(result, "decisions"))) {
      out.add(
          text(d, "recipient")
              + " "
              + text(d, "decision")
              + " "
              + text(d, "rule")
              + " "
              + items(child(d, "classes")));
    }
    return out;
  }

  private static List<String> decisions(JsonNode result) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : result.path("decisions")) {
      out.add(
          d.path("recipient").asText()
              + " "
              + d.path("decision").asText()
              + " "
              + d.path("rule").asText()
              + " "
              + strings(d.path("classes")));
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array instanceof ArrayNode a) {
      a.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  private static List<String> items(Element wrapper) {
    List<String> out = new ArrayList<>();
    if (wrapper != null) {
      children(wrapper).forEach(e -> out.add(e.getTextContent()));
    }
    return out;
  }

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new IllegalStateException("not XML: " + xml, e);
    }
  }

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static Element child(Element parent, String name) {
    return child(parent, parent.getNamespaceURI(), name);
  }

  static Element child(Element parent, String ns, String name) {
    for (Element e : children(parent)) {
      if (name.equals(e.getLocalName()) && java.util.Objects.equals(ns, e.getNamespaceURI())) {
        return e;
      }
    }
    return null;
  }

  static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent();
  }

  /** A SOAP Fault answer, with its FocusFault. */
  record Fault(
      int httpStatus,
      String faultcode,
      String code,
      int status,
      String title,
      String detail,
      String rule,
      List<String> errors,
      String raw) {

    static Fault of(Response r) {
      Document doc = parse(r.text());
      Element fault = (Element) doc.getElementsByTagNameNS(SOAP_NS, "Fault").item(0);
      assertThat(fault).as(r.text()).isNotNull();
      Element focus = (Element) doc.getElementsByTagNameNS(NS, "FocusFault").item(0);
      assertThat(focus).as("FocusFault in " + r.text()).isNotNull();
      List<String> errors = new ArrayList<>();
      for (Element e : children(focus)) {
        if ("error".equals(e.getLocalName())) {
          errors.add(text(e, "pointer") + " " + text(e, "message"));
        }
      }
      String faultcode = fault.getElementsByTagName("faultcode").item(0).getTextContent();
      return new Fault(
          r.status(),
          faultcode.substring(faultcode.indexOf(':') + 1),
          text(focus, "code"),
          Integer.parseInt(text(focus, "status")),
          text(focus, "title"),
          text(focus, "detail"),
          text(focus, "rule"),
          errors,
          r.text());
    }

    void is(String expectedFaultcode, String expectedCode, int expectedStatus) {
      assertThat(httpStatus).as(raw).isEqualTo(500);
      assertThat(faultcode).as(raw).isEqualTo(expectedFaultcode);
      assertThat(code).as(raw).isEqualTo(expectedCode);
      assertThat(status).as(raw).isEqualTo(expectedStatus);
      assertThat(raw).doesNotContain("Exception", "\tat ");
    }
  }
}

package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The SOAP contract of {@code nl-raad}: its national messages are exactly what its WSDL and XSD
 * promise, since the gateway's SOAP connector is configured from that WSDL and sends the outbound
 * mapping's output as the body of {@code LeverRapportage} unchanged. Every golden inbound input
 * (what the Raad sends) and every outbound expectation (what the gateway sends, reports and
 * revocations alike) must be valid against {@code wsdl/raad-berichten.xsd}; the WSDL must name the
 * service, port and operation the README gives, and its messages must reference elements the XSD
 * declares. WSDL4J is not on this module's classpath, so the WSDL is read as DOM.
 *
 * <p>Schemas and documents are read with secure processing on and no external access except the
 * WSDL's import of the XSD beside it ({@code file:} only).
 */
class NlRaadSoapContractTest {

  private static final String SYSTEM = "nl-raad";
  private static final String NS = "urn:nl:rvdk:berichten:v1";
  private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
  private static final String SOAP11_NS = "http://schemas.xmlsoap.org/wsdl/soap/";
  private static final String XSD_NS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  private static final MappingRegistry REGISTRY = MappingRegistry.load();
  private static final Path FOLDER =
      REGISTRY.system(SYSTEM).orElseThrow().directory().orElseThrow();
  private static final Path XSD = FOLDER.resolve("wsdl/raad-berichten.xsd");
  private static final Path WSDL = FOLDER.resolve("wsdl/raad-berichten.wsdl");

  /** Every national XML document of the golden cases: inbound inputs, outbound expectations. */
  static List<Path> nationalDocuments() {
    List<Path> documents = new ArrayList<>();
    for (GoldenCase golden : GoldenCase.all(REGISTRY)) {
      if (!golden.system().id().equals(SYSTEM)) {
        continue;
      }
      if (golden.inbound()) {
        documents.add(golden.input());
      } else {
        golden.expected().ifPresent(documents::add);
      }
    }
    return documents;
  }

  @Test
  void everyDirectionHasNationalDocumentsToCheck() {
    assertThat(nationalDocuments())
        .anyMatch(p -> p.toString().contains("/inbound/"))
        .anyMatch(p -> p.toString().contains("/outbound/revocation/"))
        .anyMatch(p -> p.toString().contains("/outbound/full-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nationalDocuments")
  void goldenNationalDocumentIsValidAgainstTheXsd(Path document) throws Exception {
    Validator validator = validator(schemaFromXsd());

    validator.validate(new StreamSource(document.toFile()));
  }

  @Test
  void theXsdRejectsAMessageWithoutMessageIdOrWithBothReportAndRevocation() throws Exception {
    Schema schema = schemaFromXsd();
    String withoutId =
        Files.readString(nationalDocuments().get(0))
            .replaceFirst("<BerichtId>[^<]*</BerichtId>", "");
    String both =
        Files.readString(FOLDER.resolve("golden/outbound/revocation/expected.xml"))
            .replace(
                "</Intrekking>",
                "</Intrekking><Rapportage><Registratie><RegistratieId>"
                    + "7f3c9a03-2b1e-4c6a-9d4f-1a2b3c4d5e03</RegistratieId><Versie>1</Versie>"
                    + "</Registratie></Rapportage>");

    assertThatThrownBy(() -> validator(schema).validate(source(withoutId)))
        .isInstanceOf(SAXException.class)
        .hasMessageContaining("BerichtId");
    assertThatThrownBy(() -> validator(schema).validate(source(both)))
        .isInstanceOf(SAXException.class)
        .hasMessageContaining("Rapportage");
  }

  @Test
  void theXsdDeclaresTheRequestAndAcknowledgementElements() throws Exception {
    assertThat(globalElements(parse(XSD)))
        .containsExactlyInAnyOrder("Raadsrapportage", "Ontvangstbevestiging");
    String ack =
        "<Ontvangstbevestiging xmlns='"
            + NS
            + "' berichtId='a1b2c305-5d6e-4f70-8a9b-0c1d2e3f4005' status='ONTVANGEN'/>";

    validator(schemaFromXsd()).validate(source(ack));
  }

  @Test
  void theWsdlIsDocumentLiteralSoap11WithOneRequestResponseOperation() throws Exception {
    Document wsdl = parse(WSDL);
    Element definitions = wsdl.getDocumentElement();

    assertThat(definitions.getAttribute("targetNamespace")).isEqualTo(NS);
    List<Element> portTypes = children(definitions, WSDL_NS, "portType");
    assertThat(portTypes).hasSize(1);
    List<Element> operations = children(portTypes.get(0), WSDL_NS, "operation");
    assertThat(operations)
        .extracting(o -> o.getAttribute("name"))
        .containsExactly("LeverRapportage");
    assertThat(children(operations.get(0), WSDL_NS, "input")).hasSize(1);
    assertThat(children(operations.get(0), WSDL_NS, "output")).hasSize(1);

    Element binding = children(definitions, WSDL_NS, "binding").get(0);
    Element soapBinding = children(binding, SOAP11_NS, "binding").get(0);
    assertThat(soapBinding.getAttribute("style")).isEqualTo("document");
    assertThat(soapBinding.getAttribute("transport"))
        .isEqualTo("http://schemas.xmlsoap.org/soap/http");
    NodeList bodies = binding.getElementsByTagNameNS(SOAP11_NS, "body");
    assertThat(bodies.getLength()).isEqualTo(2);
    for (int i = 0; i < bodies.getLength(); i++) {
      assertThat(((Element) bodies.item(i)).getAttribute("use")).isEqualTo("literal");
    }

    List<Element> services = children(definitions, WSDL_NS, "service");
    assertThat(services)
        .extracting(s -> s.getAttribute("name"))
        .containsExactly("RaadBerichtenService");
    List<Element> ports = children(services.get(0), WSDL_NS, "port");
    assertThat(ports).extracting(p -> p.getAttribute("name")).containsExactly("RaadBerichtenPort");
    assertThat(children(ports.get(0), SOAP11_NS, "address").get(0).getAttribute("location"))
        .isEqualTo("http://localhost:8089/nl-raad/berichten");
  }

  @Test
  void theWsdlMessagesReferenceElementsTheXsdDeclares() throws Exception {
    Document wsdl = parse(WSDL);
    Set<String> declared = globalElements(parse(XSD));
    Set<String> referenced = new TreeSet<>();
    for (Element message : children(wsdl.getDocumentElement(), WSDL_NS, "message")) {
      for (Element part : children(message, WSDL_NS, "part")) {
        String element = part.getAttribute("element");
        String prefix = element.substring(0, element.indexOf(':'));
        assertThat(part.lookupNamespaceURI(prefix)).as(element).isEqualTo(NS);
        referenced.add(element.substring(element.indexOf(':') + 1));
      }
    }

    assertThat(referenced).containsExactlyInAnyOrder("Raadsrapportage", "Ontvangstbevestiging");
    assertThat(declared).containsAll(referenced);
  }

  @Test
  void theSchemaEmbeddedInTheWsdlCompilesWithItsImportAndValidatesTheMessages() throws Exception {
    Document wsdl = parse(WSDL);
    Element types = children(wsdl.getDocumentElement(), WSDL_NS, "types").get(0);
    Element schemaElement = children(types, XSD_NS, "schema").get(0);
    SchemaFactory factory = secureSchemaFactory("file");
    Schema schema = factory.newSchema(new DOMSource(schemaElement, WSDL.toUri().toString()));

    for (Path document : nationalDocuments()) {
      validator(schema).validate(new StreamSource(document.toFile()));
    }
  }

  @Test
  void aSoapBodyWithANamespacePrefixMapsLikeTheUnprefixedMessage() throws Exception {
    // SOAP stacks often write the body element with a prefix of their own; only the namespace
    // counts, so the Raad's message maps to the same submission either way.
    Mapping mapping = new Mapping(REGISTRY, eu.focus.contract.ContractValidator.load());
    String plain =
        Files.readString(
            FOLDER.resolve("golden/inbound/full-convicted-supervision-transfer/input.xml"));
    String prefixed =
        plain
            .replaceAll("<(/?)([A-Z][A-Za-z]*)", "<$1ber:$2")
            .replace("xmlns=\"" + NS + "\"", "xmlns:ber=\"" + NS + "\"");
    assertThat(prefixed).contains("<ber:Raadsrapportage xmlns:ber=").doesNotContain("<Kind>");

    MappingResult<com.fasterxml.jackson.databind.node.ObjectNode> fromPrefixed =
        mapping.inbound(SYSTEM, prefixed);

    assertThat(fromPrefixed.errors()).isEmpty();
    assertThat(fromPrefixed.value()).isEqualTo(mapping.inbound(SYSTEM, plain).value());
  }

  private static Schema schemaFromXsd() throws SAXException {
    return secureSchemaFactory("").newSchema(new StreamSource(XSD.toFile()));
  }

  /** Secure processing; external schemas only by the protocols given ("" for none). */
  private static SchemaFactory secureSchemaFactory(String externalSchemaAccess)
      throws SAXException {
    SchemaFactory factory = SchemaFactory.newInstance(XSD_NS);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, externalSchemaAccess);
    return factory;
  }

  private static Validator validator(Schema schema) throws SAXException {
    Validator validator = schema.newValidator();
    validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return validator;
  }

  private static StreamSource source(String xml) {
    return new StreamSource(new StringReader(xml));
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static Set<String> globalElements(Document xsd) {
    Set<String> names = new TreeSet<>();
    for (Element element : children(xsd.getDocumentElement(), XSD_NS, "element")) {
      names.add(element.getAttribute("name"));
    }
    return names;
  }

  private static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element
          && namespace.equals(element.getNamespaceURI())
          && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }
}

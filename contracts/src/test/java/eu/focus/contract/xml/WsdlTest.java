package eu.focus.contract.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.wsdl.Definition;
import javax.wsdl.Message;
import javax.wsdl.Operation;
import javax.wsdl.Part;
import javax.wsdl.PortType;
import javax.wsdl.Service;
import javax.wsdl.extensions.schema.Schema;
import javax.wsdl.factory.WSDLFactory;
import javax.wsdl.xml.WSDLReader;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The WSDLs read with wsdl4j (the reader CXF uses), name the agreed service and port, and every
 * message part names an element that exists: each WSDL's schema, with the contract XSD it imports,
 * compiles, and the part elements are global elements of it.
 */
class WsdlTest {

  private static final String DIR = "focus/contract/v1/xml/";

  @ParameterizedTest
  @CsvSource({
    "focus-exchange-v1.wsdl, urn:eu:focus:exchange:v1, FocusExchangeService, FocusExchangePort,"
        + " SubmitAssessment ReadAssessment GetExchangeStatus RegisterConsent WithdrawConsent",
    "focus-recipient-v1.wsdl, urn:eu:focus:recipient:v1, FocusRecipientService,"
        + " FocusRecipientPort, DeliverAssessment"
  })
  void theWsdlReadsAndEveryPartElementExists(
      String file, String namespace, String service, String port, String operations)
      throws Exception {
    Definition wsdl = read(file);

    Service s = wsdl.getService(new QName(namespace, service));
    assertThat(s).isNotNull();
    assertThat(s.getPort(port)).isNotNull();
    PortType portType = s.getPort(port).getBinding().getPortType();
    List<String> names = new ArrayList<>();
    List<QName> elements = new ArrayList<>();
    for (Object o : portType.getOperations()) {
      Operation operation = (Operation) o;
      names.add(operation.getName());
      elements.addAll(partElements(operation.getInput().getMessage()));
      elements.addAll(partElements(operation.getOutput().getMessage()));
      for (Object f : operation.getFaults().values()) {
        elements.addAll(partElements(((javax.wsdl.Fault) f).getMessage()));
      }
    }
    assertThat(names).containsExactly(operations.split(" "));

    javax.xml.validation.Schema schema = compile(wsdl, file);
    assertThat(declares(schema, new QName(namespace, "NoSuchElement"))).isFalse();
    for (QName element : elements) {
      assertThat(declares(schema, element)).as("element %s is declared", element).isTrue();
    }
  }

  @Test
  void faultsCarryFocusFaultWithTheProblemContent() throws Exception {
    Definition wsdl = read("focus-exchange-v1.wsdl");
    javax.xml.validation.Schema schema = compile(wsdl, "focus-exchange-v1.wsdl");
    String fault =
        "<FocusFault xmlns=\"urn:eu:focus:exchange:v1\"><code>contract-violation</code>"
            + "<status>422</status><title>Unprocessable Entity</title><detail>d</detail>"
            + "<error><pointer>/record/child</pointer><message>m</message></error>"
            + "<error><pointer></pointer><message>n</message></error></FocusFault>";
    schema.newValidator().validate(new StreamSource(new StringReader(fault)));
  }

  private static Definition read(String file) throws Exception {
    WSDLReader reader = WSDLFactory.newInstance().newWSDLReader();
    reader.setFeature("javax.wsdl.verbose", false);
    URL url = WsdlTest.class.getClassLoader().getResource(DIR + file);
    return reader.readWSDL(url.toString());
  }

  private static List<QName> partElements(Message message) {
    List<QName> elements = new ArrayList<>();
    for (Object p : message.getParts().values()) {
      QName element = ((Part) p).getElementName();
      assertThat(element).as("document/literal: part %s names an element", p).isNotNull();
      elements.add(element);
    }
    return elements;
  }

  /** The WSDL's inline schema with what it imports, compiled: unresolved references fail here. */
  private static javax.xml.validation.Schema compile(Definition wsdl, String file)
      throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
    URL url = WsdlTest.class.getClassLoader().getResource(DIR + file);
    List<DOMSource> sources = new ArrayList<>();
    for (Object e : wsdl.getTypes().getExtensibilityElements()) {
      sources.add(new DOMSource(((Schema) e).getElement(), url.toString()));
    }
    return factory.newSchema(sources.toArray(new DOMSource[0]));
  }

  /** Whether the compiled schema has a global element of that name (validating a stub tells). */
  private static boolean declares(javax.xml.validation.Schema schema, QName element) {
    String stub =
        "<x:" + element.getLocalPart() + " xmlns:x=\"" + element.getNamespaceURI() + "\"/>";
    try {
      schema.newValidator().validate(new StreamSource(new StringReader(stub)));
      return true;
    } catch (org.xml.sax.SAXParseException e) {
      return !e.getMessage().contains("cvc-elt.1");
    } catch (Exception e) {
      return false;
    }
  }
}

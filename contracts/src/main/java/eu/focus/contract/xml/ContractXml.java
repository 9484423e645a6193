package eu.focus.contract.xml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractSchemas;
import eu.focus.contract.SchemaNode;
import eu.focus.contract.Violation;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Converts contract documents between JSON and the XML of {@value #XSD_RESOURCE}, generically: it
 * walks the document alongside its JSON Schema ({@link SchemaNode}), so there is no code per field
 * and a schema change needs no code change. Properties become elements of namespace {@value
 * #NAMESPACE} in schema order, arrays a wrapper element with one {@value #ITEM} per entry, and the
 * schema's {@code type} decides on the way back whether text is a string, an integer, a number or a
 * boolean. Text that does not fit its type (e.g. {@code <version>two</version>}) is kept as a
 * string so that {@link eu.focus.contract.ContractValidator} reports it with every other violation;
 * what JSON cannot hold (an unknown or repeated element, text beside elements, attributes) is
 * refused here with a {@link ContractXmlException}.
 *
 * <p>Parsing is secure: documents with a DTD are refused, so neither external entities (XXE) nor
 * entity expansion ("billion laughs") can happen, and nothing is ever fetched. Instances are
 * immutable and safe to share between threads.
 *
 * <p>Over 400 lines on purpose: writing and reading are the two halves of one mapping and must stay
 * mirror images of each other, which is easiest to see side by side.
 */
public final class ContractXml {

  /** The namespace of contract v1 in XML. */
  public static final String NAMESPACE = "urn:eu:focus:contract:v1";

  /** The element of one array entry. */
  public static final String ITEM = "item";

  /** The XSD on the classpath. */
  public static final String XSD_RESOURCE =
      ContractSchemas.RESOURCE_DIR + "xml/focus-contract-v1.xsd";

  /**
   * The delivery message's member holding the minimised record: {@code "type": "object"} in its
   * JSON Schema, read and written with the record schema here (and typed {@code
   * MinimisedAssessmentRecord} in the XSD).
   */
  static final String DELIVERY_RECORD = "record";

  private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ContractSchemas schemas;

  public ContractXml(ContractSchemas schemas) {
    this.schemas = schemas;
  }

  /** Reads the schemas from the classpath. */
  public static ContractXml load() {
    return new ContractXml(ContractSchemas.load());
  }

  /** The document element of a kind: Submission, AssessmentRecord, Consent, DeliveryMessage. */
  public static String elementName(ContractDocument kind) {
    return switch (kind) {
      case SUBMISSION -> "Submission";
      case RECORD -> "AssessmentRecord";
      case CONSENT -> "Consent";
      case DELIVERY_MESSAGE -> "DeliveryMessage";
    };
  }

  /**
   * The document as indented XML with its document element ({@link #elementName}) in {@value
   * #NAMESPACE}.
   *
   * @throws ContractXmlException when the JSON has members the schema does not know or values of
   *     the wrong shape (an object where text belongs)
   */
  public String toXml(ContractDocument kind, JsonNode doc) {
    Document owner = newBuilder().newDocument();
    Element root = toElement(kind, doc, owner, NAMESPACE, elementName(kind));
    owner.appendChild(root);
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    XmlText.write(root, out);
    return out.toString();
  }

  /**
   * The document as an element of {@code owner} named {@code {namespace}localName}, its members in
   * {@value #NAMESPACE}; for embedding in a SOAP body.
   */
  public Element toElement(
      ContractDocument kind, JsonNode doc, Document owner, String namespace, String localName) {
    List<Violation> problems = new ArrayList<>();
    Element element = owner.createElementNS(namespace, localName);
    write(kind, schemas.root(kind), doc, element, "", problems);
    if (!problems.isEmpty()) {
      throw new ContractXmlException("The document does not fit contract v1", sorted(problems));
    }
    return element;
  }

  /**
   * Reads XML text whose document element is {@link #elementName(ContractDocument)} in {@value
   * #NAMESPACE}.
   *
   * @throws ContractXmlException for XML that is not well-formed, has a DTD, has another document
   *     element, or has elements and attributes the contract does not have; every problem is listed
   */
  public JsonNode fromXml(ContractDocument kind, String xml) {
    Element root = parse(xml).getDocumentElement();
    if (!NAMESPACE.equals(root.getNamespaceURI()) || !elementName(kind).equals(localName(root))) {
      throw new ContractXmlException(
          "Wrong document element",
          List.of(
              new Violation(
                  "",
                  "expected element "
                      + elementName(kind)
                      + " in namespace "
                      + NAMESPACE
                      + ", found "
                      + describe(root))));
    }
    return fromElement(kind, root);
  }

  /**
   * Reads a document from an element of any name (a SOAP body's wrapper, say) whose children are
   * the document's members in {@value #NAMESPACE}.
   *
   * @throws ContractXmlException as {@link #fromXml}
   */
  public JsonNode fromElement(ContractDocument kind, Element element) {
    List<Violation> problems = new ArrayList<>();
    JsonNode result = read(kind, schemas.root(kind), element, "", problems);
    if (!problems.isEmpty()) {
      throw new ContractXmlException("The XML does not fit contract v1", sorted(problems));
    }
    return result;
  }

  /**
   * Parses XML securely: namespace-aware, no DTD (refused with a clear violation), no external
   * entities, no XInclude.
   *
   * @throws ContractXmlException when the text is not well-formed XML or has a DTD
   */
  public static Document parse(String xml) {
    try {
      DocumentBuilder builder = newBuilder();
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      throw notWellFormed(e);
    } catch (SAXException | IOException e) {
      throw new ContractXmlException(
          "Not well-formed XML", List.of(new Violation("", "not well-formed XML")));
    }
  }

  /** A parser that refuses DTDs and external resources; reports errors only by exceptions. */
  static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(THROWING);
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be made secure", e);
    }
  }

  static ContractXmlException notWellFormed(SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    String text =
        message.contains("DOCTYPE")
            ? "a DTD (DOCTYPE) is not allowed: entity declarations and external entities are"
                + " refused"
            : "not well-formed XML at line "
                + e.getLineNumber()
                + ", column "
                + e.getColumnNumber()
                + ": "
                + message;
    return new ContractXmlException("Refused XML", List.of(new Violation("", text)));
  }

  private static final ErrorHandler THROWING =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  // ---- JSON -> XML

  private void write(
      ContractDocument kind,
      SchemaNode schema,
      JsonNode value,
      Element element,
      String pointer,
      List<Violation> problems) {
    Document owner = element.getOwnerDocument();
    switch (type(schema)) {
      case "object" -> {
        if (!value.isObject()) {
          problems.add(new Violation(pointer, "expected an object"));
          return;
        }
        for (String name : schema.propertyNames()) {
          JsonNode member = value.get(name);
          if (member != null && !member.isNull()) {
            Element child = owner.createElementNS(NAMESPACE, name);
            element.appendChild(child);
            String childPointer = pointer + "/" + pointerSegment(name);
            write(kind, child(kind, schema, pointer, name), member, child, childPointer, problems);
          }
        }
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
          String name = names.next();
          if (schema.property(name).isEmpty()) {
            problems.add(
                new Violation(
                    pointer + "/" + pointerSegment(name), "not a member of contract v1 here"));
          }
        }
      }
      case "array" -> {
        if (!value.isArray()) {
          problems.add(new Violation(pointer, "expected an array"));
          return;
        }
        SchemaNode items = schema.items().orElseThrow();
        for (int i = 0; i < value.size(); i++) {
          Element item = owner.createElementNS(NAMESPACE, ITEM);
          element.appendChild(item);
          write(kind, items, value.get(i), item, pointer + "/" + i, problems);
        }
      }
      default -> {
        if (!value.isValueNode()) {
          problems.add(new Violation(pointer, "expected a single value"));
          return;
        }
        String text =
            value.isFloatingPointNumber() ? value.decimalValue().toPlainString() : value.asText();
        element.setTextContent(text);
      }
    }
  }

  // ---- XML -> JSON

  private JsonNode read(
      ContractDocument kind,
      SchemaNode schema,
      Element element,
      String pointer,
      List<Violation> problems) {
    checkAttributes(element, pointer, problems);
    String type = type(schema);
    List<Element> children = childElements(element, pointer, !isScalar(type), problems);
    switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        for (Element child : children) {
          String name = localName(child);
          String childPointer = pointer + "/" + pointerSegment(name);
          Optional<SchemaNode> member =
              NAMESPACE.equals(child.getNamespaceURI())
                  ? Optional.of(name)
                      .filter(n -> schema.property(n).isPresent())
                      .map(n -> child(kind, schema, pointer, n))
                  : Optional.empty();
          if (member.isEmpty()) {
            problems.add(
                new Violation(
                    childPointer, describe(child) + " is not a member of contract v1 here"));
          } else if (object.has(name)) {
            problems.add(
                new Violation(
                    childPointer, "element " + name + " appears more than once; use <item>s"));
          } else {
            object.set(name, read(kind, member.get(), child, childPointer, problems));
          }
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        SchemaNode items = schema.items().orElseThrow();
        for (Element child : children) {
          String childPointer = pointer + "/" + array.size();
          if (!NAMESPACE.equals(child.getNamespaceURI()) || !ITEM.equals(localName(child))) {
            problems.add(
                new Violation(
                    childPointer, "expected <" + ITEM + "> entries, found " + describe(child)));
            array.addNull();
          } else {
            array.add(read(kind, items, child, childPointer, problems));
          }
        }
        return array;
      }
      default -> {
        if (!children.isEmpty()) {
          problems.add(new Violation(pointer, "expected text, found elements"));
          return NODES.nullNode();
        }
        return scalar(type, element.getTextContent());
      }
    }
  }

  /** Text as the schema's type says; text that does not fit stays a string for the validator. */
  private static JsonNode scalar(String type, String text) {
    String trimmed = text.strip();
    switch (type) {
      case "boolean":
        if (trimmed.equals("true") || trimmed.equals("1")) {
          return NODES.booleanNode(true);
        }
        if (trimmed.equals("false") || trimmed.equals("0")) {
          return NODES.booleanNode(false);
        }
        break;
      case "integer":
        try {
          BigInteger n = new BigInteger(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
          return n.bitLength() < 32
              ? NODES.numberNode(n.intValue())
              : n.bitLength() < 64 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
        } catch (NumberFormatException e) {
          break;
        }
      case "number":
        try {
          return NODES.numberNode(new BigDecimal(trimmed));
        } catch (NumberFormatException e) {
          break;
        }
      default:
        break;
    }
    return NODES.textNode(text);
  }

  private static void checkAttributes(Element element, String pointer, List<Violation> problems) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String ns = attribute.getNamespaceURI();
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) && !XSI_NS.equals(ns)) {
        problems.add(
            new Violation(
                pointer, "attribute " + attribute.getName() + " is not part of contract v1"));
      }
    }
  }

  private static List<Element> childElements(
      Element element, String pointer, boolean container, List<Violation> problems) {
    List<Element> children = new ArrayList<>();
    boolean text = false;
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        children.add(e);
      } else if ((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
          && !n.getNodeValue().isBlank()) {
        text = true;
      }
    }
    if (text && (container || !children.isEmpty())) {
      problems.add(
          new Violation(pointer, container ? "expected elements, found text" : "mixed content"));
    }
    return children;
  }

  // ---- schema walk

  /** The schema of a member; the delivery message's record follows the record schema. */
  private SchemaNode child(ContractDocument kind, SchemaNode parent, String pointer, String name) {
    if (kind == ContractDocument.DELIVERY_MESSAGE
        && pointer.isEmpty()
        && DELIVERY_RECORD.equals(name)) {
      return schemas.root(ContractDocument.RECORD);
    }
    return parent.property(name).orElseThrow();
  }

  private static String type(SchemaNode schema) {
    JsonNode raw = schema.raw();
    JsonNode type = raw.get("type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
      }
    }
    if (type != null && type.isTextual()) {
      return type.asText();
    }
    return raw.has("properties") ? "object" : "string";
  }

  private static boolean isScalar(String type) {
    return !Set.of("object", "array").contains(type);
  }

  private static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  private static String describe(Element element) {
    String ns = element.getNamespaceURI();
    return "element " + localName(element) + (ns == null ? " (no namespace)" : " in " + ns);
  }

  /** An RFC 6901 pointer segment for a member name. */
  private static String pointerSegment(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static List<Violation> sorted(List<Violation> problems) {
    return List.copyOf(new TreeSet<>(problems));
  }
}

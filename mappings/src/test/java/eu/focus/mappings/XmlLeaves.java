package eu.focus.mappings;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The leaves of an XML document by path, so that XML can be compared field by field the way {@link
 * RoundTripTest} compares JSON by pointer. Paths are written as the engine writes the {@code field}
 * of an error for an XML payload (Saxon's path): the document element by its name, every other
 * element with its 1-based position among siblings of the same name, attributes with {@code @},
 * e.g. {@code /Raadsrapportage/Rapportage[1]/Kind[1]/Voornaam[1]} or {@code
 * .../EigenWoorden[1]/@taal}. Names are local names, so a sender's choice of namespace prefix does
 * not matter. A leaf is an attribute (namespace declarations aside) or an element without child
 * elements whose text is not blank; its value is the text, trimmed.
 */
final class XmlLeaves {

  private XmlLeaves() {}

  static Map<String, String> of(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root =
          factory
              .newDocumentBuilder()
              .parse(new InputSource(new StringReader(xml)))
              .getDocumentElement();
      Map<String, String> leaves = new LinkedHashMap<>();
      collect(root, "/" + root.getLocalName(), leaves);
      return leaves;
    } catch (Exception e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    }
  }

  private static void collect(Element element, String path, Map<String, String> leaves) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        leaves.put(path + "/@" + attribute.getLocalName(), attribute.getValue().trim());
      }
    }
    Map<String, Integer> positions = new LinkedHashMap<>();
    boolean hasChildElements = false;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        hasChildElements = true;
        int position = positions.merge(childElement.getLocalName(), 1, Integer::sum);
        collect(
            childElement, path + "/" + childElement.getLocalName() + "[" + position + "]", leaves);
      }
    }
    if (!hasChildElements && !element.getTextContent().isBlank()) {
      leaves.put(path, element.getTextContent().trim());
    }
  }
}

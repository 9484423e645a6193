package eu.focus.contract.xml;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes the documents {@link ContractXml} builds as indented text: one element per line, text
 * inline, two spaces per level, the namespace declared once on the document element. Own code
 * rather than a {@code Transformer} because the output is committed as golden files and must not
 * depend on the JDK's serializer settings.
 */
final class XmlText {

  private XmlText() {}

  static void write(Element root, StringBuilder out) {
    write(root, out, "", " xmlns=\"" + escape(root.getNamespaceURI()) + "\"");
  }

  private static void write(Element element, StringBuilder out, String indent, String declaration) {
    String name = element.getLocalName();
    out.append(indent).append('<').append(name).append(declaration);
    Node first = element.getFirstChild();
    if (first == null) {
      out.append("/>\n");
      return;
    }
    if (!(first instanceof Element)) {
      out.append('>').append(escape(element.getTextContent())).append("</").append(name);
      out.append(">\n");
      return;
    }
    out.append(">\n");
    for (Node n = first; n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        write(child, out, indent + "  ", "");
      }
    }
    out.append(indent).append("</").append(name).append(">\n");
  }

  /** Escapes text and attribute values; a carriage return survives as a reference. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("\r", "&#13;");
  }
}

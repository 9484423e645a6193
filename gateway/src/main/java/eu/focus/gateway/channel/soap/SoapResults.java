package eu.focus.gateway.channel.soap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a REST answer (the JSON the REST channel would send) as the matching element of {@code
 * focus-exchange-v1.wsdl}: a member per element in the JSON's order (the order of the Java records,
 * which the WSDL's sequences follow), arrays as {@code <item>}s, nulls left out. Contract documents
 * inside an answer (a record, a consent) are written by {@code ContractXml} instead.
 */
final class SoapResults {

  private SoapResults() {}

  static Element element(Document owner, String name, JsonNode value) {
    Element element = owner.createElementNS(FocusFault.NAMESPACE, name);
    fill(element, value);
    return element;
  }

  private static void fill(Element element, JsonNode value) {
    Document owner = element.getOwnerDocument();
    if (value.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> members = value.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        if (!member.getValue().isNull()) {
          element.appendChild(element(owner, member.getKey(), member.getValue()));
        }
      }
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        element.appendChild(element(owner, "item", item));
      }
    } else {
      element.setTextContent(value.asText());
    }
  }
}

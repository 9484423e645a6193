package eu.focus.contract.xml;

import eu.focus.contract.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates XML against the contract's XSD ({@value ContractXml#XSD_RESOURCE}) with {@code
 * javax.xml.validation}, for integrators' tests and for checking what the gateway sends. The
 * document is first parsed by {@link ContractXml#parse} (no DTD, nothing fetched). Instances are
 * safe to share between threads.
 */
public final class ContractXsd {

  private final Schema schema;

  private ContractXsd(Schema schema) {
    this.schema = schema;
  }

  /** Compiles the XSD from the classpath. */
  public static ContractXsd load() {
    URL url = ContractXsd.class.getClassLoader().getResource(ContractXml.XSD_RESOURCE);
    if (url == null) {
      throw new IllegalStateException("classpath resource not found: " + ContractXml.XSD_RESOURCE);
    }
    try (InputStream in = url.openStream()) {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return new ContractXsd(factory.newSchema(new StreamSource(in, url.toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SAXException e) {
      throw new IllegalStateException("the contract XSD does not compile", e);
    }
  }

  /** The compiled schema, e.g. to validate in a SOAP stack. */
  public Schema schema() {
    return schema;
  }

  /**
   * Every error of the XML against the XSD, each as a violation at {@code ""} whose message starts
   * with the line and column; empty when valid.
   *
   * @throws ContractXmlException when the text is not well-formed or has a DTD
   */
  public List<Violation> validate(String xml) {
    ContractXml.parse(xml);
    List<Violation> errors = new ArrayList<>();
    Validator validator = schema.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
              errors.add(
                  new Violation(
                      "",
                      "line "
                          + e.getLineNumber()
                          + ", column "
                          + e.getColumnNumber()
                          + ": "
                          + e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
              throw e;
            }
          });
      validator.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      throw ContractXml.notWellFormed(e);
    } catch (SAXException | IOException e) {
      errors.add(new Violation("", "cannot validate: " + e.getMessage()));
    }
    return List.copyOf(errors);
  }
}

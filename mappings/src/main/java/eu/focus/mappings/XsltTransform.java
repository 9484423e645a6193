package eu.focus.mappings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.lib.ExtensionFunctionCall;
import net.sf.saxon.lib.ExtensionFunctionDefinition;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.om.Item;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.om.Sequence;
import net.sf.saxon.om.StructuredQName;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.tree.util.Navigator;
import net.sf.saxon.value.EmptySequence;
import net.sf.saxon.value.SequenceType;
import net.sf.saxon.value.StringValue;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * One compiled XSLT 3 mapping file (Saxon-HE, s9api). The executable is shared; every run loads its
 * own transformer, and the extension functions {@code fg:to-contract}, {@code fg:to-national} and
 * {@code fg:mapping-error} report to that run's {@link MappingCall}.
 *
 * <p>Inbound, the stylesheet gets the national XML document as the initial match selection and must
 * produce an XDM map, which is serialised as JSON. Outbound, it starts at {@code
 * xsl:initial-template} with the delivery message as JSON text in {@code $input} (read it with
 * {@code parse-json}) and produces the national XML. Both get {@code $system} as a map.
 */
final class XsltTransform {

  /** Namespace of the extension functions; bind it to the prefix {@code fg}. */
  static final String NAMESPACE = "urn:focus-gateway:mappings";

  /**
   * The run the extension functions report to. Saxon-HE runs a transformation on the calling
   * thread, and it clears a controller's user data when a transformation starts, so the run is
   * handed over per thread and removed as soon as the transformation ends.
   */
  private static final ThreadLocal<MappingCall> CURRENT = new ThreadLocal<>();

  private static final QName SYSTEM_PARAM = new QName("system");
  private static final QName INPUT_PARAM = new QName("input");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final Processor processor;
  private final XsltExecutable executable;
  private final XdmMap system;

  private XsltTransform(
      String file, Processor processor, XsltExecutable executable, XdmMap system) {
    this.file = file;
    this.processor = processor;
    this.executable = executable;
    this.system = system;
  }

  /**
   * A Saxon processor with the mapping functions registered. It refuses to fetch anything, so a
   * stylesheet cannot read files or URLs: a mapping sees the payload it is given and nothing else.
   * {@code ALLOWED_PROTOCOLS} stops {@code unparsed-text}; {@code doc()}, {@code collection()} and
   * {@code xsl:include} go through the resource resolver, which refuses every request.
   */
  static Processor newProcessor() {
    Processor processor = new Processor(false);
    processor.setConfigurationProperty(Feature.ALLOWED_PROTOCOLS, "");
    processor
        .getUnderlyingConfiguration()
        .setResourceResolver(
            request -> {
              throw new XPathException("a mapping may not read " + request.uri);
            });
    processor
        .getUnderlyingConfiguration()
        .setCollectionFinder(
            (context, uri) -> {
              throw new XPathException("a mapping may not read collection " + uri);
            });
    // Saxon reports run-time errors to stderr as well as in the exception we turn into a
    // MappingError; the second copy would land in the gateway's logs, so it is dropped.
    processor.getUnderlyingConfiguration().setErrorReporterFactory(config -> error -> {});
    processor.registerExtensionFunction(
        new CodeFunction("to-contract", MappingCall.Direction.TO_CONTRACT));
    processor.registerExtensionFunction(
        new CodeFunction("to-national", MappingCall.Direction.TO_NATIONAL));
    processor.registerExtensionFunction(new ErrorFunction());
    return processor;
  }

  /**
   * Compiles a stylesheet.
   *
   * @throws MappingDefinitionException listing the static errors
   */
  static XsltTransform compile(
      Processor processor, String file, String text, Map<String, Object> system) {
    XsltCompiler compiler = processor.newXsltCompiler();
    List<String> problems = new ArrayList<>();
    compiler.setErrorReporter(
        error ->
            problems.add(
                error.getMessage()
                    + (error.getLocation() != null && error.getLocation().getLineNumber() > 0
                        ? " (line " + error.getLocation().getLineNumber() + ")"
                        : "")));
    try {
      XsltExecutable executable = compiler.compile(new StreamSource(new StringReader(text), file));
      return new XsltTransform(file, processor, executable, XdmMap.makeMap(system));
    } catch (SaxonApiException e) {
      throw new MappingDefinitionException(
          file + ": XSLT does not compile " + (problems.isEmpty() ? e.getMessage() : problems), e);
    }
  }

  /**
   * Maps a national XML payload to contract JSON.
   *
   * @return the result, or {@code null} when the payload is not well-formed or the stylesheet
   *     failed (the error is recorded in {@code call})
   */
  JsonNode inbound(String xml, MappingCall call) {
    XdmNode document;
    try {
      document = parse(xml);
    } catch (SaxonApiException | SAXException | ParserConfigurationException e) {
      call.error("", null, "not well-formed XML: " + rootCause(e));
      return null;
    }
    StringWriter out = new StringWriter();
    Xslt30Transformer transformer = load();
    try {
      Serializer serializer = transformer.newSerializer(out);
      serializer.setOutputProperty(Serializer.Property.METHOD, "json");
      transformer.setStylesheetParameters(Map.of(SYSTEM_PARAM, system));
      CURRENT.set(call);
      transformer.applyTemplates(document, serializer);
    } catch (SaxonApiException e) {
      call.error("", null, file + " failed: " + e.getMessage());
      return null;
    } finally {
      CURRENT.remove();
    }
    try {
      return JSON.readTree(out.toString());
    } catch (JsonProcessingException e) {
      call.error("", null, file + " did not produce JSON: " + e.getOriginalMessage());
      return null;
    }
  }

  /**
   * Maps a delivery message to national XML.
   *
   * @return the serialised XML, or {@code null} when the stylesheet failed
   */
  String outbound(JsonNode message, MappingCall call) {
    StringWriter out = new StringWriter();
    Xslt30Transformer transformer = load();
    try {
      Map<QName, XdmValue> parameters =
          Map.of(SYSTEM_PARAM, system, INPUT_PARAM, new XdmAtomicValue(message.toString()));
      transformer.setStylesheetParameters(parameters);
      CURRENT.set(call);
      transformer.callTemplate(null, transformer.newSerializer(out));
    } catch (SaxonApiException e) {
      call.error("", null, file + " failed: " + e.getMessage());
      return null;
    } finally {
      CURRENT.remove();
    }
    return out.toString().strip();
  }

  private Xslt30Transformer load() {
    Xslt30Transformer transformer = executable.load30();
    // Saxon prints xsl:message and warnings to stderr by default; a mapping's chatter must not
    // end up in the gateway's logs, where it could carry personal data.
    transformer.setMessageHandler(message -> {});
    transformer.setErrorReporter(error -> {});
    return transformer;
  }

  /** Parses XML with DTDs and external entities refused (docs/security-model.md, input limits). */
  private XdmNode parse(String xml)
      throws SaxonApiException, SAXException, ParserConfigurationException {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setXIncludeAware(false);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    XMLReader reader = factory.newSAXParser().getXMLReader();
    // With a handler of its own on the reader, Saxon does not add one that prints to stderr.
    reader.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) throws SAXParseException {
            throw e;
          }

          @Override
          public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
          }
        });
    DocumentBuilder builder = processor.newDocumentBuilder();
    builder.setLineNumbering(true);
    return builder.build(new SAXSource(reader, new InputSource(new StringReader(xml))));
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
    if (cause instanceof SAXParseException parse && parse.getLineNumber() > 0) {
      message += " (line " + parse.getLineNumber() + ", column " + parse.getColumnNumber() + ")";
    }
    return message;
  }

  private static MappingCall currentCall() throws XPathException {
    MappingCall call = CURRENT.get();
    if (call == null) {
      throw new XPathException("fg: functions are only available in a Focus Gateway mapping run");
    }
    return call;
  }

  /** {@code fg:to-contract($list, $value[, $field])} and {@code fg:to-national(...)}. */
  private static final class CodeFunction extends ExtensionFunctionDefinition {

    private final StructuredQName name;
    private final MappingCall.Direction direction;

    CodeFunction(String localName, MappingCall.Direction direction) {
      this.name = new StructuredQName("fg", NAMESPACE, localName);
      this.direction = direction;
    }

    @Override
    public StructuredQName getFunctionQName() {
      return name;
    }

    @Override
    public int getMinimumNumberOfArguments() {
      return 2;
    }

    @Override
    public int getMaximumNumberOfArguments() {
      return 3;
    }

    @Override
    public SequenceType[] getArgumentTypes() {
      return new SequenceType[] {
        SequenceType.SINGLE_STRING, SequenceType.OPTIONAL_ITEM, SequenceType.OPTIONAL_STRING
      };
    }

    @Override
    public SequenceType getResultType(SequenceType[] suppliedArgumentTypes) {
      return SequenceType.OPTIONAL_STRING;
    }

    @Override
    public boolean hasSideEffects() {
      // Recording an error is a side effect: Saxon must neither drop nor merge these calls.
      return true;
    }

    @Override
    public ExtensionFunctionCall makeCallExpression() {
      return new ExtensionFunctionCall() {
        @Override
        public Sequence call(XPathContext context, Sequence[] arguments) throws XPathException {
          String list = arguments[0].head().getStringValue();
          Item value = arguments[1].head();
          String field = arguments.length > 2 ? optionalString(arguments[2]) : null;
          if (field == null && value instanceof NodeInfo node) {
            field = Navigator.getPath(node);
          }
          String code = value == null ? null : value.getStringValue();
          String result = currentCall().translate(direction, list, code, field);
          return result == null ? EmptySequence.getInstance() : new StringValue(result);
        }
      };
    }
  }

  /** {@code fg:mapping-error($field, $value, $message)}: records an error, returns nothing. */
  private static final class ErrorFunction extends ExtensionFunctionDefinition {

    @Override
    public StructuredQName getFunctionQName() {
      return new StructuredQName("fg", NAMESPACE, "mapping-error");
    }

    @Override
    public int getMinimumNumberOfArguments() {
      return 3;
    }

    @Override
    public int getMaximumNumberOfArguments() {
      return 3;
    }

    @Override
    public SequenceType[] getArgumentTypes() {
      return new SequenceType[] {
        SequenceType.OPTIONAL_ITEM, SequenceType.OPTIONAL_ITEM, SequenceType.SINGLE_STRING
      };
    }

    @Override
    public SequenceType getResultType(SequenceType[] suppliedArgumentTypes) {
      return SequenceType.EMPTY_SEQUENCE;
    }

    @Override
    public boolean hasSideEffects() {
      return true;
    }

    @Override
    public ExtensionFunctionCall makeCallExpression() {
      return new ExtensionFunctionCall() {
        @Override
        public Sequence call(XPathContext context, Sequence[] arguments) throws XPathException {
          Item fieldItem = arguments[0].head();
          Item value = arguments[1].head();
          String field =
              fieldItem instanceof NodeInfo node
                  ? Navigator.getPath(node)
                  : fieldItem == null ? null : fieldItem.getStringValue();
          currentCall()
              .error(
                  field,
                  value == null ? null : value.getStringValue(),
                  arguments[2].head().getStringValue());
          return EmptySequence.getInstance();
        }
      };
    }
  }

  private static String optionalString(Sequence sequence) throws XPathException {
    Item item = sequence.head();
    return item == null ? null : item.getStringValue();
  }
}

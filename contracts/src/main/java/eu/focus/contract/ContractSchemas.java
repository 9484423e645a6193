package eu.focus.contract;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The contract's JSON Schemas, loaded from the classpath, with {@code $ref} resolution across
 * files. Other modules use it to walk a document alongside its schema: start at {@link
 * #root(ContractDocument)} and follow {@link SchemaNode#property(String)} and {@link
 * SchemaNode#items()}. Instances are immutable and safe to share between threads.
 */
public final class ContractSchemas {

  /** The {@code $id} prefix of every v1 schema. */
  public static final String BASE_ID = "https://focus-gateway.eu/contract/v1/";

  /** Where the v1 resources live on the classpath. */
  public static final String RESOURCE_DIR = "focus/contract/v1/";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<ContractDocument, JsonNode> documents;
  private final Map<URI, ContractDocument> byId = new HashMap<>();
  private final Map<String, ContractDocument> byFileName = new HashMap<>();

  private ContractSchemas(Map<ContractDocument, JsonNode> documents) {
    this.documents = documents;
    for (Map.Entry<ContractDocument, JsonNode> e : documents.entrySet()) {
      ContractDocument doc = e.getKey();
      String declared = e.getValue().path("$id").asText();
      if (!doc.id().equals(declared)) {
        throw new IllegalStateException(
            doc.fileName() + " declares $id '" + declared + "', expected '" + doc.id() + "'");
      }
      byId.put(URI.create(doc.id()), doc);
      byFileName.put(doc.fileName(), doc);
    }
  }

  /** Loads every schema of {@link ContractDocument} from the classpath. */
  public static ContractSchemas load() {
    ClassLoader loader = ContractSchemas.class.getClassLoader();
    Map<ContractDocument, JsonNode> documents = new EnumMap<>(ContractDocument.class);
    for (ContractDocument doc : ContractDocument.values()) {
      documents.put(doc, readResource(loader, doc.resourcePath()));
    }
    return of(documents);
  }

  /** Schemas from documents already read, one per {@link ContractDocument}; for tests. */
  static ContractSchemas of(Map<ContractDocument, JsonNode> documents) {
    return new ContractSchemas(new EnumMap<>(documents));
  }

  /** The top of a schema, where a walk over a document of that kind starts. */
  public SchemaNode root(ContractDocument document) {
    return SchemaNode.of(this, frame(document, JsonPointer.empty()));
  }

  /**
   * The schema document as written. Do not modify it: it is shared. Use {@link #root} to walk it
   * with references resolved.
   */
  public JsonNode document(ContractDocument document) {
    return documents.get(document);
  }

  /**
   * Resolves a {@code $ref} found in a schema whose base is {@code base}: {@code #/$defs/x}, a
   * relative file name such as {@code submission.schema.json#/$defs/legalBasis}, or an absolute
   * {@code $id}.
   */
  SchemaNode.Frame resolve(URI base, String ref) {
    URI target = base.resolve(ref);
    URI withoutFragment = URI.create(target.getScheme() + ":" + target.getRawSchemeSpecificPart());
    ContractDocument doc = byId.get(withoutFragment);
    if (doc == null) {
      String path = withoutFragment.getPath();
      doc = path == null ? null : byFileName.get(path.substring(path.lastIndexOf('/') + 1));
    }
    if (doc == null) {
      throw new IllegalStateException("$ref '" + ref + "' from " + base + " names no known schema");
    }
    String fragment = target.getFragment();
    JsonPointer pointer =
        fragment == null || fragment.isEmpty()
            ? JsonPointer.empty()
            : JsonPointer.compile(fragment);
    return frame(doc, pointer);
  }

  private SchemaNode.Frame frame(ContractDocument doc, JsonPointer pointer) {
    JsonNode node = documents.get(doc).at(pointer);
    if (node.isMissingNode()) {
      throw new IllegalStateException(doc.fileName() + " has nothing at #" + pointer);
    }
    return new SchemaNode.Frame(URI.create(doc.id()), node, doc.fileName() + "#" + pointer);
  }

  static JsonNode readResource(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource not found: " + path);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + path, e);
    }
  }
}

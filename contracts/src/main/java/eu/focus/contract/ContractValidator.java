package eu.focus.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a document against its contract schema and code lists. It runs JSON Schema 2020-12
 * validation (formats asserted, references resolved offline from the classpath) and then walks the
 * document alongside its schema to check every value of an {@code x-codelist} property against its
 * list. It reports every violation, not the first, each with a JSON pointer, sorted and without
 * duplicates. Instances are immutable and safe to share between threads.
 */
public final class ContractValidator {

  private static final List<String> CONTRACT_KEYWORDS =
      List.of(
          SchemaNode.SENSITIVITY,
          SchemaNode.SENSITIVITY_FROM,
          SchemaNode.SUMMARY,
          SchemaNode.CODELIST);

  /** Validation errors reported at the object but concerning one named member. */
  private static final Set<String> MEMBER_ERRORS =
      Set.of("required", "additionalProperties", "dependentRequired");

  private final ContractSchemas schemas;
  private final CodeLists codeLists;
  private final Map<ContractDocument, JsonSchema> compiled = new EnumMap<>(ContractDocument.class);

  /** Uses the given schemas and code lists; {@link #load()} is the usual way in. */
  public ContractValidator(ContractSchemas schemas, CodeLists codeLists) {
    this.schemas = schemas;
    this.codeLists = codeLists;
    JsonSchemaFactory factory = factory();
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH)
            .build();
    for (ContractDocument doc : ContractDocument.values()) {
      JsonSchema schema = factory.getSchema(SchemaLocation.of(doc.id()), config);
      schema.initializeValidators();
      compiled.put(doc, schema);
    }
  }

  /** Loads schemas and code lists from the classpath. */
  public static ContractValidator load() {
    return new ContractValidator(ContractSchemas.load(), CodeLists.load());
  }

  /** The schemas this validator checks against. */
  public ContractSchemas schemas() {
    return schemas;
  }

  /** The code lists this validator checks against. */
  public CodeLists codeLists() {
    return codeLists;
  }

  /**
   * Every violation of the contract in {@code instance}, sorted by pointer; empty when the document
   * is valid. Never throws for any JSON input: a {@code null} or non-object input is one violation
   * at {@code ""}.
   */
  public List<Violation> validate(ContractDocument document, JsonNode instance) {
    if (instance == null || !instance.isObject()) {
      String found = instance == null ? "nothing" : instance.getNodeType().name().toLowerCase();
      return List.of(new Violation("", "expected a JSON object, found " + found));
    }
    Set<Violation> violations = new TreeSet<>();
    try {
      for (ValidationMessage message : compiled.get(document).validate(instance)) {
        violations.add(toViolation(message));
      }
    } catch (RuntimeException e) {
      violations.add(new Violation("", "schema validation failed: " + e.getMessage()));
    }
    checkCodes(schemas.root(document), instance, "", violations);
    return List.copyOf(violations);
  }

  private void checkCodes(SchemaNode schema, JsonNode value, String pointer, Set<Violation> out) {
    if (value.isTextual()) {
      schema
          .annotation(SchemaNode.CODELIST)
          .ifPresent(list -> checkCode(list, value.asText(), pointer, out));
    } else if (value.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> members = value.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        String memberPointer = pointer + "/" + SchemaNode.escape(member.getKey());
        schema
            .property(member.getKey())
            .ifPresent(child -> checkCodes(child, member.getValue(), memberPointer, out));
      }
    } else if (value.isArray()) {
      schema
          .items()
          .ifPresent(
              items -> {
                for (int i = 0; i < value.size(); i++) {
                  checkCodes(items, value.get(i), pointer + "/" + i, out);
                }
              });
    }
  }

  private void checkCode(String list, String code, String pointer, Set<Violation> out) {
    try {
      if (!codeLists.contains(list, code)) {
        out.add(new Violation(pointer, "'" + code + "' is not a code of list '" + list + "'"));
      }
    } catch (IllegalArgumentException e) {
      out.add(new Violation(pointer, "the schema names an unknown code list '" + list + "'"));
    }
  }

  private static Violation toViolation(ValidationMessage message) {
    StringBuilder pointer = new StringBuilder();
    JsonNodePath location = message.getInstanceLocation();
    for (int i = 0; location != null && i < location.getNameCount(); i++) {
      pointer.append('/').append(SchemaNode.escape(String.valueOf(location.getElement(i))));
    }
    if (MEMBER_ERRORS.contains(message.getType()) && message.getProperty() != null) {
      pointer.append('/').append(SchemaNode.escape(message.getProperty()));
    }
    String text = message.getError() != null ? message.getError() : message.getMessage();
    return new Violation(pointer.toString(), text);
  }

  private static JsonSchemaFactory factory() {
    JsonMetaSchema.Builder dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012());
    CONTRACT_KEYWORDS.forEach(keyword -> dialect.keyword(new AnnotationKeyword(keyword)));
    JsonMetaSchema metaSchema = dialect.build();
    return JsonSchemaFactory.getInstance(
        SpecVersion.VersionFlag.V202012,
        builder ->
            builder
                .metaSchema(metaSchema)
                .schemaMappers(
                    mappers ->
                        mappers.mapPrefix(
                            ContractSchemas.BASE_ID, "classpath:" + ContractSchemas.RESOURCE_DIR)));
  }
}

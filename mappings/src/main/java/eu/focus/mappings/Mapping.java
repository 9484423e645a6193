package eu.focus.mappings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractValidator;
import eu.focus.contract.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Maps national payloads to contract v1 and back, using the systems of a {@link MappingRegistry}.
 *
 * <p>Inbound, a national payload becomes a contract submission: the system's mapping runs, the
 * engine stamps {@code record.provenance.mappingVersion} with {@code <system>@<version>}, and the
 * result is validated against the submission schema. Outbound, a delivery message (checked against
 * the delivery-message schema) becomes a national payload; JSON is pretty-printed with two spaces
 * and {@code \n} line ends, members in the order the mapping writes them; CSV is written by {@link
 * CsvFormat} with the declared header.
 *
 * <p>Neither direction throws for bad input: every problem found (malformed payload, unknown or
 * unmapped code, contract violation) comes back as a {@link MappingError} in a failed {@link
 * MappingResult}. Instances hold no per-call state and are safe to share between threads and to
 * call in a loop.
 */
public final class Mapping {

  /** Payloads longer than this (in characters) are refused before parsing. */
  public static final int MAX_PAYLOAD_CHARS = 4 * 1024 * 1024;

  /** Deepest nesting of JSON accepted; contract documents nest about ten levels. */
  public static final int MAX_JSON_DEPTH = 100;

  private final MappingRegistry registry;
  private final ContractValidator validator;
  private final ObjectMapper json;
  private final ObjectWriter nationalWriter;

  /** Maps with the given systems and validator. */
  public Mapping(MappingRegistry registry, ContractValidator validator) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.validator = Objects.requireNonNull(validator, "validator");
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.json = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.nationalWriter = prettyWriter(json);
  }

  /**
   * The writer for JSON that people read: two-space indents, {@code \n} line ends, members in the
   * order they were built, so that the same document always prints the same bytes.
   */
  static ObjectWriter prettyWriter(ObjectMapper mapper) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    return mapper.writer(printer);
  }

  /** Maps with the systems on the classpath and the contract's own validator. */
  public static Mapping load() {
    return new Mapping(MappingRegistry.load(), ContractValidator.load());
  }

  /** The systems this instance maps. */
  public MappingRegistry registry() {
    return registry;
  }

  /**
   * Maps a national payload to a contract submission.
   *
   * @param systemId the national system the payload comes from
   * @param nationalPayload the payload as received (JSON, XML or CSV text, per the system's format)
   * @return the submission, valid against the contract, or every error found
   */
  public MappingResult<ObjectNode> inbound(String systemId, String nationalPayload) {
    MappingRegistry.LoadedSystem system = registry.loaded(systemId);
    if (system == null) {
      return unknownSystem(systemId);
    }
    NationalSystem descriptor = system.descriptor();
    MappingCall call = new MappingCall(descriptor.id(), system.codeLists());
    if (!acceptableSize(nationalPayload, call)) {
      return MappingResult.failure(call.errors());
    }
    JsonNode output;
    if (descriptor.format() == NationalSystem.Format.JSON) {
      JsonNode input = parseJson(nationalPayload, call);
      output = input == null ? null : system.jsonataInbound().apply(input, call);
    } else if (descriptor.format() == NationalSystem.Format.CSV) {
      JsonNode input = descriptor.csv().orElseThrow().parse(nationalPayload, call);
      output = input == null ? null : system.jsonataInbound().apply(input, call);
    } else {
      output = system.xsltInbound().inbound(nationalPayload, call);
    }
    if (output == null) {
      return MappingResult.failure(call.errors());
    }
    if (!output.isObject()) {
      call.error(
          "",
          null,
          descriptor.inbound()
              + " must produce a JSON object, not "
              + output.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      return MappingResult.failure(call.errors());
    }
    ObjectNode submission = (ObjectNode) output;
    stampMappingVersion(submission, descriptor);
    // Errors of the mapping come first; the contract's own complaints follow, including those
    // caused by a code that could not be mapped (a required field left empty), so that one run
    // shows everything that stands between this payload and a valid submission.
    List<MappingError> errors = new ArrayList<>(call.errors());
    errors.addAll(contractErrors(descriptor.id(), ContractDocument.SUBMISSION, submission));
    return errors.isEmpty() ? MappingResult.success(submission) : MappingResult.failure(errors);
  }

  /**
   * Maps a delivery message, given as JSON text, to a national payload.
   *
   * @see #outbound(String, JsonNode)
   */
  public MappingResult<String> outbound(String systemId, String deliveryMessageJson) {
    MappingRegistry.LoadedSystem system = registry.loaded(systemId);
    if (system == null) {
      return unknownSystem(systemId);
    }
    MappingCall call = new MappingCall(systemId, system.codeLists());
    if (!acceptableSize(deliveryMessageJson, call)) {
      return MappingResult.failure(call.errors());
    }
    JsonNode message = parseJson(deliveryMessageJson, call);
    return message == null ? MappingResult.failure(call.errors()) : outbound(systemId, message);
  }

  /**
   * Maps a delivery message to a national payload.
   *
   * @param systemId the national system the message goes to
   * @param deliveryMessage a delivery message of contract v1 (its record may be minimised)
   * @return the national payload text, or every error found
   */
  public MappingResult<String> outbound(String systemId, JsonNode deliveryMessage) {
    MappingRegistry.LoadedSystem system = registry.loaded(systemId);
    if (system == null) {
      return unknownSystem(systemId);
    }
    NationalSystem descriptor = system.descriptor();
    List<MappingError> envelope =
        contractErrors(descriptor.id(), ContractDocument.DELIVERY_MESSAGE, deliveryMessage);
    if (!envelope.isEmpty()) {
      return MappingResult.failure(envelope);
    }
    MappingCall call = new MappingCall(descriptor.id(), system.codeLists());
    String payload;
    if (descriptor.format() == NationalSystem.Format.JSON) {
      JsonNode output = system.jsonataOutbound().apply(deliveryMessage, call);
      payload = output == null ? null : write(output, call);
    } else if (descriptor.format() == NationalSystem.Format.CSV) {
      JsonNode output = system.jsonataOutbound().apply(deliveryMessage, call);
      payload =
          output == null
              ? null
              : descriptor.csv().orElseThrow().write(output, descriptor.outbound(), call);
    } else {
      payload = system.xsltOutbound().outbound(deliveryMessage, call);
    }
    if (!call.errors().isEmpty() || payload == null) {
      return MappingResult.failure(call.errors());
    }
    return MappingResult.success(payload);
  }

  private String write(JsonNode output, MappingCall call) {
    try {
      return nationalWriter.writeValueAsString(output);
    } catch (JsonProcessingException e) {
      call.error("", null, "cannot write the national payload: " + e.getOriginalMessage());
      return null;
    }
  }

  private JsonNode parseJson(String text, MappingCall call) {
    try {
      JsonNode node = json.readTree(text);
      if (node == null || node.isMissingNode()) {
        call.error("", null, "not JSON: the payload is empty");
        return null;
      }
      return node;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      call.error("", null, "not JSON: " + e.getOriginalMessage() + where);
      return null;
    }
  }

  private static boolean acceptableSize(String payload, MappingCall call) {
    if (payload == null) {
      call.error("", null, "no payload");
      return false;
    }
    if (payload.length() > MAX_PAYLOAD_CHARS) {
      call.error(
          "",
          null,
          "the payload has "
              + payload.length()
              + " characters; at most "
              + MAX_PAYLOAD_CHARS
              + " are accepted");
      return false;
    }
    return true;
  }

  /** The engine, not each mapping, says which mapping made the record: it cannot be forgotten. */
  private static void stampMappingVersion(ObjectNode submission, NationalSystem system) {
    JsonNode record = submission.get("record");
    if (record instanceof ObjectNode recordObject) {
      JsonNode provenance = recordObject.get("provenance");
      ObjectNode provenanceObject =
          provenance instanceof ObjectNode existing
              ? existing
              : recordObject.putObject("provenance");
      provenanceObject.put("mappingVersion", system.mappingVersionTag());
    }
  }

  private List<MappingError> contractErrors(
      String systemId, ContractDocument document, JsonNode instance) {
    List<MappingError> errors = new ArrayList<>();
    for (Violation violation : validator.validate(document, instance)) {
      errors.add(
          new MappingError(
              systemId,
              MappingError.CONTRACT_PREFIX + violation.pointer(),
              valueAt(instance, violation.pointer()),
              violation.message()));
    }
    return errors;
  }

  private static String valueAt(JsonNode instance, String pointer) {
    if (instance == null) {
      return null;
    }
    JsonNode value;
    try {
      value = instance.at(pointer);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (value.isMissingNode()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private <T> MappingResult<T> unknownSystem(String systemId) {
    return MappingResult.failure(
        List.of(
            new MappingError(
                String.valueOf(systemId),
                "",
                null,
                "unknown national system '" + systemId + "'; known: " + registry.systemIds())));
  }
}

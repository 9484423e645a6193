package eu.focus.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the contract's resources in tests. */
public final class ContractFiles {

  /** The v1 resource folder in the source tree, for listings (tests run in the module folder). */
  static final Path V1_SOURCE = Path.of("src/main/resources/focus/contract/v1");

  static final ObjectMapper MAPPER = new ObjectMapper();

  private ContractFiles() {}

  /** A classpath resource under {@code focus/contract/v1/}. */
  public static JsonNode read(String relativePath) {
    String path = ContractSchemas.RESOURCE_DIR + relativePath;
    try (InputStream in = ContractFiles.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An example document with the schema it follows. */
  public record Example(String file, ContractDocument document, JsonNode json) {
    @Override
    public String toString() {
      return file;
    }
  }

  /** Every example named in {@code examples/index.json}. */
  public static List<Example> examples() {
    List<Example> examples = new ArrayList<>();
    for (JsonNode entry : read("examples/index.json").path("examples")) {
      String file = entry.path("file").asText();
      examples.add(
          new Example(
              file,
              ContractDocument.valueOf(entry.path("document").asText()),
              read("examples/" + file)));
    }
    return examples;
  }

  static List<JsonNode> submissions() {
    return examples().stream()
        .filter(e -> e.document() == ContractDocument.SUBMISSION)
        .map(Example::json)
        .toList();
  }

  static List<JsonNode> consents() {
    return examples().stream()
        .filter(e -> e.document() == ContractDocument.CONSENT)
        .map(Example::json)
        .toList();
  }

  /** The submission example whose file name starts with {@code NN-}. */
  static JsonNode submission(String number) {
    return examples().stream()
        .filter(e -> e.document() == ContractDocument.SUBMISSION)
        .filter(e -> e.file().startsWith(number + "-"))
        .findFirst()
        .orElseThrow()
        .json()
        .deepCopy();
  }
}

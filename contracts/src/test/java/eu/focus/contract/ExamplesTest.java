package eu.focus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesTest {

  private static final ContractValidator VALIDATOR = ContractValidator.load();

  static List<ContractFiles.Example> examples() {
    return ContractFiles.examples();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleIsValidAgainstItsSchema(ContractFiles.Example example) {
    assertThat(VALIDATOR.validate(example.document(), example.json())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleFileNameSaysWhichDocumentItIs(ContractFiles.Example example) {
    String suffix = example.document() == ContractDocument.SUBMISSION ? "submission" : "consent";
    assertThat(example.file()).matches("[0-9]{2}-[a-z0-9-]+\\." + suffix + "\\.json");
  }

  @Test
  void indexNamesEveryExampleFileAndNoOther() throws IOException {
    List<String> onDisk;
    try (Stream<Path> files = Files.list(ContractFiles.V1_SOURCE.resolve("examples"))) {
      onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(name -> !name.equals("index.json"))
              .sorted()
              .toList();
    }
    assertThat(examples().stream().map(ContractFiles.Example::file).sorted().toList())
        .isEqualTo(onDisk);
  }
}

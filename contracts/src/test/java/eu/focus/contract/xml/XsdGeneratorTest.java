package eu.focus.contract.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.focus.contract.ContractSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed XSD is exactly what {@link XsdGenerator} derives from the JSON Schemas, so nobody
 * edits it by hand and a schema change cannot leave it behind. With {@code
 * -Dfocus.xsd.regenerate=true} the test writes the file instead of failing.
 */
class XsdGeneratorTest {

  private static final Path COMMITTED = Path.of("src/main/resources/" + ContractXml.XSD_RESOURCE);

  @Test
  void committedXsdIsTheGeneratedOne() throws IOException {
    String generated = XsdGenerator.generate(ContractSchemas.load());
    if (Boolean.getBoolean("focus.xsd.regenerate")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as(
            "%s is generated: run ./mvnw -B -q -o -pl contracts test -Dtest=XsdGeneratorTest"
                + " -Dfocus.xsd.regenerate=true",
            COMMITTED)
        .isEqualTo(generated);
  }

  @Test
  void generatingTwiceGivesTheSameText() {
    assertThat(XsdGenerator.generate(ContractSchemas.load()))
        .isEqualTo(XsdGenerator.generate(ContractSchemas.load()));
  }

  @Test
  void theXsdCarriesSensitivityClassesAndTheMinimisedRecord() {
    String xsd = XsdGenerator.generate(ContractSchemas.load());
    assertThat(xsd)
        .contains("<xs:element name=\"child\" type=\"Child\">")
        .contains("Sensitivity: S1.")
        .contains("<xs:complexType name=\"MinimisedAssessmentRecord\">")
        .contains("<xs:element name=\"record\" minOccurs=\"0\" type=\"MinimisedAssessmentRecord\">")
        .contains("<xs:enumeration value=\"NOT_HEARD\"/>")
        .contains("<xs:simpleType name=\"AgencyId\">");
  }

  @Test
  void unanchoredPatternsAreRefused() {
    assertThat(XsdGenerator.xsdPattern("^[a-z]+$")).isEqualTo("[a-z]+");
    assertThatThrownBy(() -> XsdGenerator.xsdPattern("[a-z]+"))
        .hasMessageContaining("not anchored");
  }
}

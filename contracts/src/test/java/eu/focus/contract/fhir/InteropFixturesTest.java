package eu.focus.contract.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * The npm interop suite (../interop) sends the FHIR form of contract examples with a FHIR client
 * nobody here wrote; it cannot run our converter, so it reads files. These are those files, and
 * this test keeps them what {@link ContractFhir} makes of the examples today. Regenerate after a
 * deliberate change: {@code ./mvnw -B -q -o -pl contracts test -Dtest=InteropFixturesTest
 * -Dfocus.fixtures.regenerate=true}.
 */
class InteropFixturesTest {

  private static final Path DIR = Path.of("../interop/fixtures");

  @Test
  void theInteropSuiteSendsWhatTheConverterMakesOfTheExamples() throws IOException {
    Map<String, IBaseResource> fixtures =
        Map.of(
            "01-ro-victim-sexual-abuse.submission.bundle.json",
            FhirFixtures.FHIR.submissionToBundle(
                FhirFixtures.example("01-ro-victim-sexual-abuse.submission.json")),
            "03-ro-victim-support-referral.consent.fhir.json",
            FhirFixtures.FHIR.consentToFhir(
                FhirFixtures.example("03-ro-victim-support-referral.consent.json")));
    boolean regenerate = Boolean.getBoolean("focus.fixtures.regenerate");
    for (Map.Entry<String, IBaseResource> f : fixtures.entrySet()) {
      Path file = DIR.resolve(f.getKey());
      String expected = FhirFixtures.json(f.getValue()) + "\n";
      if (regenerate) {
        Files.createDirectories(DIR);
        Files.writeString(file, expected, StandardCharsets.UTF_8);
      }
      assertThat(file).as("regenerate with -Dfocus.fixtures.regenerate=true").exists();
      assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(f.getKey()).isEqualTo(expected);
    }
  }
}

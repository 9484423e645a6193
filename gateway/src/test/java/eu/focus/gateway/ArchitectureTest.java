package eu.focus.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Architecture rules that explain themselves. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("eu.focus.gateway");

  @Test
  void channelsDoNotTouchTheDatabase() {
    noClasses()
        .that()
        .resideInAnyPackage("..gateway.api..", "..gateway.soap..", "..gateway.fhir..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
        .because("channels know protocols, not storage: they hand over to the feature services")
        .check(CLASSES);
  }

  @Test
  void channelsGoThroughServicesNotStores() {
    noClasses()
        .that()
        .resideInAnyPackage("..gateway.api..", "..gateway.soap..", "..gateway.fhir..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Store")
        .because("object-level checks live in the services; a channel reading a store skips them")
        .check(CLASSES);
  }

  @Test
  void policyDoesNotKnowProtocolsOrStorage() {
    noClasses()
        .that()
        .resideInAPackage("..gateway.policy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.jdbc..", "org.springframework.web..", "jakarta.servlet..")
        .because("the same decision must come out whichever channel or database is used")
        .check(CLASSES);
  }

  /** No code path updates or deletes an audit row: checked on every SQL string in the sources. */
  @Test
  void noCodeUpdatesOrDeletesAuditRows() throws IOException {
    Pattern forbidden =
        Pattern.compile(
            "(update\\s+audit_entry|delete\\s+from\\s+audit_entry|truncate\\s+(table\\s+)?audit_entry"
                + "|merge\\s+into\\s+audit_entry)",
            Pattern.CASE_INSENSITIVE);
    Pattern insert = Pattern.compile("insert\\s+into\\s+audit_entry", Pattern.CASE_INSENSITIVE);
    List<Path> sources;
    try (Stream<Path> s = Files.walk(Path.of("src/main"))) {
      sources =
          s.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql")).toList();
    }
    assertThat(sources).isNotEmpty();
    for (Path p : sources) {
      String text = Files.readString(p);
      assertThat(forbidden.matcher(text).find())
          .as("%s updates or deletes audit rows", p)
          .isFalse();
      if (insert.matcher(text).find()) {
        assertThat(p.getFileName().toString())
            .as("only AuditLog appends audit rows")
            .isEqualTo("AuditLog.java");
      }
    }
  }
}

package eu.focus.gateway;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
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

/**
 * Architecture rules that explain themselves. The package map they keep is in docs/architecture.md:
 * channels on top, protocol-neutral flows below them, shared kernels at the bottom, imports going
 * one way.
 */
class ArchitectureTest {

  private static final String CHANNELS = "eu.focus.gateway.channel..";

  /** The shared kernels: everything may use them, they use nothing above them. */
  private static final String[] KERNELS = {
    "eu.focus.gateway.problem..",
    "eu.focus.gateway.record..",
    "eu.focus.gateway.agency..",
    "eu.focus.gateway.config..",
    "eu.focus.gateway.metrics..",
    "eu.focus.gateway.schedule.."
  };

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("eu.focus.gateway");

  @Test
  void noCycleBetweenPackages() {
    slices()
        .matching("eu.focus.gateway.(**)")
        .should()
        .beFreeOfCycles()
        .because(
            "a package in a cycle cannot be understood, tested or moved without all the others;"
                + " the flow reads from the package names only when imports go one way")
        .check(CLASSES);
  }

  /**
   * The same rule one level up: a folder with its sub-packages counts as one (audit with
   * audit.merkle, channel with its channels), so that no folder imports a package that imports it.
   */
  @Test
  void noCycleBetweenTopLevelFolders() {
    slices()
        .matching("eu.focus.gateway.(*)..")
        .should()
        .beFreeOfCycles()
        .because(
            "a reader takes a folder as one thing: the auditors' read side imports consent and"
                + " retention, which write to audit, so it is a folder of its own, not under audit")
        .check(CLASSES);
  }

  @Test
  void channelsDoNotImportEachOther() {
    slices()
        .matching("eu.focus.gateway.channel.(*)..")
        .should()
        .notDependOnEachOther()
        .because(
            "channels are thin and protocol-specific: what two channels share belongs in a flow or"
                + " a kernel below them, so that the same record gives the same result on each")
        .check(CLASSES);
  }

  @Test
  void nothingBelowTheChannelsKnowsAChannel() {
    noClasses()
        .that()
        .resideOutsideOfPackages(CHANNELS)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CHANNELS)
        .because("flows and kernels serve every channel alike and must not learn a protocol")
        .check(CLASSES);
  }

  @Test
  void kernelsDependOnNothingAboveThem() {
    noClasses()
        .that()
        .resideInAnyPackage(KERNELS)
        .should()
        .dependOnClassesThat(
            resideInAPackage("eu.focus.gateway..")
                .and(resideOutsideOfPackages(concat(KERNELS, "eu.focus.gateway"))))
        .because(
            "the kernels (error shapes, records, agencies, configuration, metrics, periodic work)"
                + " sit below every flow; a kernel importing a flow ties every flow to it")
        .check(CLASSES);
  }

  @Test
  void onlyChannelsServeHttpEndpoints() {
    classes()
        .that()
        .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
        .or()
        .areAnnotatedWith(org.springframework.stereotype.Controller.class)
        .or()
        .areAssignableTo(eu.focus.gateway.security.ChannelAccess.class)
        .and()
        .areNotInterfaces()
        .should()
        .resideInAPackage(CHANNELS)
        .because("only the channel packages know their paths")
        .check(CLASSES);
  }

  /**
   * Compile-time constants are inlined, so no class-file rule can see who uses a path constant:
   * this reads the sources instead. A path of a channel (a string starting with /api/, /fhir,
   * /services/ or /console) appears only in the channel packages.
   */
  @Test
  void onlyChannelsSpellTheirPaths() throws IOException {
    Pattern path = Pattern.compile("\"/(api/|fhir|services/|console)");
    Path main = Path.of("src/main/java/eu/focus/gateway");
    List<Path> sources;
    try (Stream<Path> s = Files.walk(main)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(sources).isNotEmpty();
    for (Path p : sources) {
      if (p.startsWith(main.resolve("channel"))) {
        continue;
      }
      List<String> lines = Files.readAllLines(p);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
          continue;
        }
        assertThat(path.matcher(line).find())
            .as("%s:%d spells a channel's path: %s", p, i + 1, line)
            .isFalse();
      }
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /**
   * The production artifact (the gateway and the modules it is built from) holds no demo: the
   * simulated national systems, WireMock and the demo token issuer live in the simulators and demo
   * modules, which depend on the gateway, never the other way round. ProductionJarIT checks the
   * built jar itself.
   */
  @Test
  void noDemoClassOutsideTheDemoModules() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
            .importPackages("eu.focus");
    assertThat(production.containPackage("eu.focus.gateway.intake")).isTrue();
    noClasses()
        .should()
        .resideInAPackage("eu.focus.demo..")
        .orShould()
        .haveSimpleNameStartingWith("Demo")
        .orShould()
        .haveSimpleNameContaining("Simulator")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("com.github.tomakehurst..", "wiremock..", "eu.focus.demo..")
        .because(
            "an operator who deploys the gateway must not ship a test HTTP server, simulated"
                + " national systems or a token issuer that signs whatever it is asked to")
        .check(production);
  }

  @Test
  void channelsDoNotTouchTheDatabase() {
    noClasses()
        .that()
        .resideInAPackage(CHANNELS)
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
        .resideInAPackage(CHANNELS)
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

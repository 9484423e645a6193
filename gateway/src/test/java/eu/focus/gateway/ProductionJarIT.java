package eu.focus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator deploys: the built production jar ({@code gateway/target/focus-gateway.jar})
 * holds the gateway and its libraries, and nothing of the demo: no simulated national system, no
 * WireMock (with its own HTTP server), no demo token issuer, no demo agencies or system files. Runs
 * after {@code package}, on the jar itself, including the jars nested in it.
 */
class ProductionJarIT {

  private static final Pattern DEMO =
      Pattern.compile(
          "(?i)(wiremock|tomakehurst|eu/focus/demo/|focus-simulators|focus-demo|simulator"
              + "|/Demo[A-Z]\\w*\\.class|application-demo\\.|systems/demo/)");

  @Test
  void productionJarCarriesNoDemoSimulatorOrWireMock() throws IOException {
    Path jar = Path.of(System.getProperty("focus.it.jar", "target/focus-gateway.jar"));
    assertThat(jar).as("the production jar (run `package` first)").exists();
    List<String> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(jar)) {
      collect("", in, entries);
    }
    assertThat(entries)
        .as("the gateway itself is in the jar")
        .contains("BOOT-INF/classes/eu/focus/gateway/FocusGatewayApplication.class")
        .anyMatch(e -> e.startsWith("BOOT-INF/lib/focus-adapters-"));
    assertThat(entries.stream().filter(e -> DEMO.matcher(e).find()).toList())
        .as("demo, simulator or WireMock entries in the production jar")
        .isEmpty();
  }

  /** Every entry of the jar, and of the jars nested in it (named {@code outer!inner}). */
  private static void collect(String prefix, InputStream in, List<String> entries)
      throws IOException {
    JarInputStream jar = new JarInputStream(in);
    for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
      entries.add(prefix + e.getName());
      if (e.getName().endsWith(".jar")) {
        collect(prefix + e.getName() + "!", jar, entries);
      }
    }
  }
}

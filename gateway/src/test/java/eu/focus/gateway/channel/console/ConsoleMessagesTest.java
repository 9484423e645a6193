package eu.focus.gateway.channel.console;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.gateway.audit.AuditField;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every translation is complete, and no template or console class asks for a missing text. */
class ConsoleMessagesTest {

  /** {@code #{console.x.y}} or {@code #{console.x.y(…)}} in a template. */
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

  /** A quoted {@code "console.x.y"} in Java: error and navigation keys chosen in code. */
  private static final Pattern JAVA_KEY = Pattern.compile("\"(console\\.[A-Za-z0-9_.]+)\"");

  private final PathMatchingResourcePatternResolver resources =
      new PathMatchingResourcePatternResolver();

  @Test
  void everyTranslationHasExactlyTheBaseKeys() throws IOException {
    Set<String> base = load("classpath:messages.properties").stringPropertyNames();
    Resource[] bundles = resources.getResources("classpath*:messages_*.properties");
    assertThat(bundles).isNotEmpty();
    for (Resource r : bundles) {
      Set<String> keys = load(r).stringPropertyNames();
      assertThat(new TreeSet<>(keys))
          .as("keys of %s", r.getFilename())
          .containsExactlyElementsOf(new TreeSet<>(base));
    }
  }

  @Test
  void everyConsoleLanguageHasItsBundleAndDeclaresItsOwnLanguage() throws IOException {
    for (Locale l : ConsoleModel.LANGUAGES) {
      String name =
          l.equals(Locale.ENGLISH)
              ? "classpath:messages.properties"
              : "classpath:messages_" + l.getLanguage() + ".properties";
      // console.lang feeds <html lang>, so screen readers speak the page in the right language
      assertThat(load(name).getProperty("console.lang")).as(name).isEqualTo(l.getLanguage());
    }
  }

  @Test
  void everyKeyUsedByTheConsoleExists() throws IOException {
    Set<String> base = load("classpath:messages.properties").stringPropertyNames();
    Set<String> used = new TreeSet<>();
    Resource[] templates = resources.getResources("classpath:templates/console/*.html");
    assertThat(templates).hasSizeGreaterThanOrEqualTo(5);
    for (Resource t : templates) {
      collect(TEMPLATE_KEY, t.getContentAsString(StandardCharsets.UTF_8), used);
    }
    Resource[] sources =
        resources.getResources("file:src/main/java/eu/focus/gateway/channel/console/*.java");
    assertThat(sources).isNotEmpty();
    for (Resource s : sources) {
      collect(JAVA_KEY, s.getContentAsString(StandardCharsets.UTF_8), used);
    }
    // A key ending in a dot is a prefix: the entry page's field labels are console.field.<name>
    // for every field of an audit entry (AuditField).
    assertThat(used).contains("console.search.error.range", "console.nav.search", "console.field.");
    used.removeIf(k -> k.endsWith("."));
    for (AuditField f : AuditField.values()) {
      used.add("console.field." + f.jsonName());
    }
    assertThat(base).containsAll(used);
  }

  private static void collect(Pattern p, String text, Set<String> into) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  private Properties load(String location) throws IOException {
    return load(resources.getResource(location));
  }

  private static Properties load(Resource r) throws IOException {
    Properties p = new Properties();
    try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }
}

package eu.focus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository explains itself: nothing in it refers a reader to documents kept outside it (the
 * project's early briefs lived in a sibling folder a newcomer does not have), and every relative
 * link in the Markdown documentation leads to a file that exists. What those briefs held that the
 * code relies on is now in docs/domain.md, docs/architecture.md and docs/build-notes.md.
 */
class SelfContainedRepositoryTest {

  /** Names of the outside documents. Built from parts so that this file does not match itself. */
  private static final List<String> OUTSIDE_REFERENCES =
      List.of(
          ".." + "/shared", "DOMAIN" + ".md", "DESIGN" + ".md", "STACK" + ".md", "STYLE" + ".md");

  /** Build output, dependencies, local data and tool folders: not part of what a reader gets. */
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(".git", "target", "node_modules", "data", ".idea", ".vscode");

  /** An inline link or image {@code ](target)} or a reference definition {@code [x]: target}. */
  private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?[^)]*\\)");

  private static final Pattern REFERENCE_DEFINITION =
      Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(\\s.*)?$");

  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

  private static final Path ROOT = repositoryRoot();

  @Test
  void nothingRefersToDocumentsOutsideTheRepository() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : files()) {
      String relative = relative(file);
      String text = readText(file);
      if (text == null) {
        continue;
      }
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        for (String reference : OUTSIDE_REFERENCES) {
          if (lines[i].contains(reference)) {
            found.add(relative + ":" + (i + 1) + ": " + reference + ": " + lines[i].strip());
          }
        }
      }
    }
    assertThat(found)
        .as(
            "references to documents outside the repository; point them at docs/ instead"
                + " (docs/domain.md, docs/architecture.md, docs/build-notes.md, ...)")
        .isEmpty();
  }

  @Test
  void relativeLinksInTheDocumentationLeadToExistingFiles() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(ROOT.resolve("README.md"));
    for (Path file : files()) {
      if (file.startsWith(ROOT.resolve("docs")) && file.toString().endsWith(".md")) {
        documents.add(file);
      }
    }
    assertThat(documents).as("documents found under docs/").hasSizeGreaterThan(5);

    List<String> broken = new ArrayList<>();
    for (Path document : documents) {
      String[] lines = Files.readString(document).split("\n", -1);
      boolean inFence = false;
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
          inFence = !inFence;
          continue;
        }
        if (inFence) {
          continue;
        }
        String prose = INLINE_CODE.matcher(line).replaceAll("code");
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(prose);
        while (inline.find()) {
          targets.add(inline.group(1));
        }
        Matcher definition = REFERENCE_DEFINITION.matcher(prose);
        if (definition.matches()) {
          targets.add(definition.group(1));
        }
        for (String target : targets) {
          Path resolved = resolveLink(document, target);
          if (resolved != null && !Files.exists(resolved)) {
            broken.add(relative(document) + ":" + (i + 1) + ": " + target);
          }
        }
      }
    }
    assertThat(broken).as("relative links to files that do not exist").isEmpty();
  }

  /** The file a link points to, or null for links this test does not check (web, mail, anchor). */
  private static Path resolveLink(Path document, String target) {
    String lower = target.toLowerCase();
    if (lower.startsWith("http:")
        || lower.startsWith("https:")
        || lower.startsWith("mailto:")
        || lower.startsWith("#")) {
      return null;
    }
    String path = target;
    int cut = indexOfAny(path, '#', '?');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    if (path.isEmpty()) {
      return null;
    }
    path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    Path base = path.startsWith("/") ? ROOT : document.getParent();
    return base.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j;
    }
    return j < 0 ? i : Math.min(i, j);
  }

  /** Every regular file of the repository outside the skipped folders. */
  private static List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        ROOT,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(ROOT) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !file.getFileName().toString().equals(".git")) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    assertThat(files).as("files under %s", ROOT).isNotEmpty();
    return files;
  }

  /** The file as text, or null when it is binary (holds a NUL byte). */
  private static String readText(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String relative(Path file) {
    return ROOT.relativize(file).toString().replace('\\', '/');
  }

  /**
   * The repository root: surefire runs in the gateway module's folder, whose parent is the root; an
   * IDE may run from the root itself.
   */
  private static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    for (Path candidate : Stream.of(here, here.getParent()).filter(p -> p != null).toList()) {
      if (Files.isRegularFile(candidate.resolve("pom.xml"))
          && Files.isDirectory(candidate.resolve("gateway"))
          && Files.isDirectory(candidate.resolve("docs"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("not run from the repository or its gateway module: " + here);
  }
}

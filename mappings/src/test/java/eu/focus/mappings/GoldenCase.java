package eu.focus.mappings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One golden case of a national system: {@code golden/<direction>/<name>/} with an {@code input.*}
 * and either an {@code expected.*} document or {@code expected-errors.json}.
 */
record GoldenCase(NationalSystem system, String direction, String name, Path dir) {

  static final String INBOUND = "inbound";
  static final String OUTBOUND = "outbound";

  /** Every golden case of every system in the registry, in a stable order. */
  static List<GoldenCase> all(MappingRegistry registry) {
    List<GoldenCase> cases = new ArrayList<>();
    for (NationalSystem system : registry.systems()) {
      Path golden =
          system
              .directory()
              .orElseThrow(() -> new IllegalStateException(system + " is not in a directory"))
              .resolve("golden");
      for (String direction : List.of(INBOUND, OUTBOUND)) {
        Path dir = golden.resolve(direction);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (Stream<Path> children = Files.list(dir)) {
          children
              .filter(Files::isDirectory)
              .sorted()
              .forEach(
                  c -> cases.add(new GoldenCase(system, direction, c.getFileName().toString(), c)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return cases;
  }

  boolean inbound() {
    return direction.equals(INBOUND);
  }

  Path input() {
    return single("input.");
  }

  /** The expected document, absent for an error case. */
  Optional<Path> expected() {
    return files().stream().filter(f -> name(f).startsWith("expected.")).findFirst();
  }

  /** The expected errors, present only for an error case. */
  Optional<Path> expectedErrors() {
    Path errors = dir.resolve("expected-errors.json");
    return Files.isRegularFile(errors) ? Optional.of(errors) : Optional.empty();
  }

  String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Path> files() {
    try (Stream<Path> children = Files.list(dir)) {
      return children.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path single(String prefix) {
    List<Path> matches = files().stream().filter(f -> name(f).startsWith(prefix)).toList();
    if (matches.size() != 1) {
      throw new IllegalStateException(dir + " needs exactly one " + prefix + "* file");
    }
    return matches.get(0);
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  @Override
  public String toString() {
    return system.id() + " " + direction + " " + name;
  }
}

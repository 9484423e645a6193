package eu.focus.mappings.bench;

import eu.focus.mappings.Mapping;
import eu.focus.mappings.MappingResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Mapping throughput per language and national format, single-threaded (so the figure is per core):
 * inbound mappings (national → contract, including parsing the payload and contract validation) of
 * a full golden record, repeated after a warm-up. The CSV case measures parsing a file into rows
 * plus JSONata over them. Not a test: run by bench/mapping-throughput.sh, results go to
 * bench/README.md.
 */
public final class MappingThroughput {

  private record Case(String language, String system, String goldenCase) {}

  private static final List<Case> CASES =
      List.of(
          new Case("JSONata", "ro-police", "full-victim-sexual-abuse"),
          new Case("JSONata", "gr-houses-of-child", "full-online-grooming-victim"),
          new Case("XSLT 3", "hu-probation-xml", "full-accused-assessment"),
          new Case("JSONata/CSV", "rs-csw-belgrade", "full-domestic-violence-victim"));

  private MappingThroughput() {}

  public static void main(String[] args) throws IOException {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Mapping mapping = Mapping.load();
    for (Case c : CASES) {
      String input = input(c);
      run(mapping, c, input, 3); // warm-up
      long start = System.nanoTime();
      long n = run(mapping, c, input, seconds);
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%-11s %-20s %-30s %8.0f records/s (%d in %.1f s, one thread)%n",
          c.language(),
          c.system(),
          c.goldenCase(),
          n / elapsed,
          n,
          elapsed);
    }
  }

  private static long run(Mapping mapping, Case c, String input, int seconds) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long n = 0;
    while (System.nanoTime() < end) {
      MappingResult<?> r = mapping.inbound(c.system(), input);
      if (!r.isSuccess()) {
        throw new IllegalStateException(c + " did not map: " + r.errors());
      }
      n++;
    }
    return n;
  }

  private static String input(Case c) throws IOException {
    String dir = "focus/mappings/" + c.system() + "/golden/inbound/" + c.goldenCase() + "/";
    for (String name : List.of("input.json", "input.xml", "input.csv")) {
      try (InputStream in =
          MappingThroughput.class.getClassLoader().getResourceAsStream(dir + name)) {
        if (in != null) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new IllegalArgumentException("no input in " + dir);
  }
}

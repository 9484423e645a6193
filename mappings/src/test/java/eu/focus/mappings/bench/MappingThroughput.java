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
 * inbound mappings (national → contract, including parsing the payload and contract validation) and
 * outbound mappings (delivery message → national, including writing the national format) of a full
 * golden record of each shipped system, repeated after a warm-up. The CSV cases include parsing or
 * writing the file; the FHIR cases are JSONata over FHIR JSON. Not a test: run by
 * bench/mapping-throughput.sh, results go to bench/README.md.
 */
public final class MappingThroughput {

  private record Case(String language, String system, String goldenCase, boolean inbound) {}

  private static final List<Case> CASES =
      List.of(
          new Case("JSONata", "ro-police", "full-victim-sexual-abuse", true),
          new Case("JSONata", "gr-houses-of-child", "full-online-grooming-victim", true),
          new Case("JSONata/FHIR", "hu-probation", "full-suspect-environmental-study", true),
          new Case("XSLT 3", "nl-raad", "full-convicted-supervision-transfer", true),
          new Case("JSONata/CSV", "rs-csw-belgrade", "full-domestic-violence-victim", true),
          new Case("JSONata", "ro-police", "full-from-gr-police", false),
          new Case("JSONata/FHIR", "hu-probation", "full-ukrainian-suspect-from-ro-police", false),
          new Case("XSLT 3", "nl-raad", "full-from-ro-police", false),
          new Case("JSONata/CSV", "rs-csw-belgrade", "full-unaccompanied-child-from-ro", false));

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
          "%-8s %-12s %-18s %-38s %8.0f records/s (%d in %.1f s, one thread)%n",
          c.inbound() ? "inbound" : "outbound",
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
      MappingResult<?> r =
          c.inbound() ? mapping.inbound(c.system(), input) : mapping.outbound(c.system(), input);
      if (!r.isSuccess()) {
        throw new IllegalStateException(c + " did not map: " + r.errors());
      }
      n++;
    }
    return n;
  }

  private static String input(Case c) throws IOException {
    String dir =
        "focus/mappings/"
            + c.system()
            + "/golden/"
            + (c.inbound() ? "inbound/" : "outbound/")
            + c.goldenCase()
            + "/";
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

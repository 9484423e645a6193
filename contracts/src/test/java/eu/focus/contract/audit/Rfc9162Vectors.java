package eu.focus.contract.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads the transparency-dev/merkle test vectors under {@code src/test/resources/rfc9162/} (see the
 * README there): one JSON file per proof check, hashes in base64, {@code wantErr} saying whether
 * the check must fail.
 */
final class Rfc9162Vectors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

  private Rfc9162Vectors() {}

  /** An inclusion check: {@code leafIdx}, {@code treeSize}, {@code leafHash}, proof, root. */
  record Inclusion(
      String file,
      long leafIndex,
      long treeSize,
      byte[] leafHash,
      List<byte[]> proof,
      byte[] root,
      boolean wantErr) {}

  /** A consistency check: {@code size1}, {@code size2}, proof, {@code root1}, {@code root2}. */
  record Consistency(
      String file,
      long size1,
      long size2,
      List<byte[]> proof,
      byte[] root1,
      byte[] root2,
      boolean wantErr) {}

  /** The files under {@code rfc9162/<kind>/}, at any depth, as paths relative to that folder. */
  static List<String> files(String kind) {
    Path folder = root().resolve(kind);
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> folder.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Inclusion inclusion(String file) {
    JsonNode v =
        read("inclusion/" + file, "leafIdx", "treeSize", "leafHash", "proof", "root", "desc");
    return new Inclusion(
        file,
        uint64(v.get("leafIdx")),
        uint64(v.get("treeSize")),
        base64(v.get("leafHash")),
        proof(v.get("proof")),
        base64(v.get("root")),
        v.path("wantErr").asBoolean(false));
  }

  static Consistency consistency(String file) {
    JsonNode v = read("consistency/" + file, "size1", "size2", "proof", "root1", "root2", "desc");
    return new Consistency(
        file,
        uint64(v.get("size1")),
        uint64(v.get("size2")),
        proof(v.get("proof")),
        base64(v.get("root1")),
        base64(v.get("root2")),
        v.path("wantErr").asBoolean(false));
  }

  private static Path root() {
    try {
      return Path.of(Rfc9162Vectors.class.getResource("/rfc9162").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads one vector, refusing a file whose fields differ from the known format. */
  private static JsonNode read(String file, String... fields) {
    JsonNode v;
    try {
      v = JSON.readTree(root().resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> expected = new TreeSet<>(List.of(fields));
    expected.add("wantErr");
    Set<String> actual = new TreeSet<>();
    v.fieldNames().forEachRemaining(actual::add);
    if (!actual.equals(expected)) {
      throw new IllegalStateException(file + " has fields " + actual + ", expected " + expected);
    }
    return v;
  }

  /**
   * The vectors' sizes and indexes are Go {@code uint64}s, and some mutations wrap around (index 0
   * minus 1 is 2^64 - 1). Java's {@code long} holds the same 64 bits; values of 2^63 and above
   * become negative, which the verifier rejects as out of range, as Go's rejects them as too big.
   */
  private static long uint64(JsonNode n) {
    if (n == null || !n.isIntegralNumber()) {
      throw new IllegalStateException("not an integer: " + n);
    }
    BigInteger value = n.bigIntegerValue();
    if (value.signum() < 0 || value.compareTo(UINT64_LIMIT) >= 0) {
      throw new IllegalStateException("not a uint64: " + value);
    }
    return value.longValue();
  }

  /** A JSON {@code null} proof is Go's nil slice: no components. */
  private static List<byte[]> proof(JsonNode n) {
    List<byte[]> proof = new ArrayList<>();
    if (n != null && !n.isNull()) {
      n.forEach(component -> proof.add(base64(component)));
    }
    return proof;
  }

  private static byte[] base64(JsonNode n) {
    if (n == null || !n.isTextual()) {
      throw new IllegalStateException("not a base64 string: " + n);
    }
    return Base64.getDecoder().decode(n.asText());
  }
}

package eu.focus.contract.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A statement of the log's state: which log ({@code origin}), how many entries ({@code size}), the
 * RFC 9162 root hash over them, and when. Its {@link #body() text form} is what the gateway signs.
 *
 * <p>The text follows the C2SP {@code tlog-checkpoint} layout so that existing transparency-log
 * tooling can read it: the origin line, the tree size in decimal, the root hash in standard base64,
 * then one extension line {@code timestamp <ISO-8601 instant>}; every line ends in a newline. For
 * example:
 *
 * <pre>
 * focus-gateway.eu/audit/demo
 * 20
 * 3q2+7w...=
 * timestamp 2026-11-29T12:00:00Z
 * </pre>
 *
 * @param origin the log's identity, one line of printable text without spaces at the ends
 * @param size the number of entries, at least 0
 * @param rootHash MTH of the first {@code size} entries, 32 bytes
 * @param timestamp when the gateway made the checkpoint
 */
public record Checkpoint(String origin, long size, byte[] rootHash, Instant timestamp) {

  private static final String TIMESTAMP_PREFIX = "timestamp ";
  private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

  /**
   * @throws IllegalArgumentException if a field could not be written as a checkpoint line
   */
  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(rootHash, "rootHash");
    Objects.requireNonNull(timestamp, "timestamp");
    if (origin.isBlank() || !origin.strip().equals(origin) || origin.contains("\n")) {
      throw new IllegalArgumentException("the origin must be one non-blank line");
    }
    if (size < 0) {
      throw new IllegalArgumentException("a tree size cannot be negative: " + size);
    }
    if (rootHash.length != MerkleHashes.HASH_SIZE) {
      throw new IllegalArgumentException("a root hash has 32 bytes, not " + rootHash.length);
    }
    rootHash = rootHash.clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The signed text: origin, size, base64 root and timestamp lines, each ending in a newline. */
  public String body() {
    return origin
        + "\n"
        + size
        + "\n"
        + Base64.getEncoder().encodeToString(rootHash)
        + "\n"
        + TIMESTAMP_PREFIX
        + timestamp
        + "\n";
  }

  /**
   * Reads a checkpoint body back. Only the exact form {@link #body()} writes is accepted, so that
   * one checkpoint has one text and one signature covers exactly what the reader sees.
   *
   * @param body the text, as written by {@link #body()}
   * @return the checkpoint
   * @throws IllegalArgumentException naming the first line that is not as expected
   */
  public static Checkpoint parse(String body) {
    if (body == null || !body.endsWith("\n")) {
      throw new IllegalArgumentException("a checkpoint body ends with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length != 4) {
      throw new IllegalArgumentException(
          "a checkpoint body has 4 lines (origin, size, root, timestamp), not " + lines.length);
    }
    if (!SIZE.matcher(lines[1]).matches()) {
      throw new IllegalArgumentException("the size line is not a decimal tree size");
    }
    long size;
    byte[] root;
    Instant timestamp;
    try {
      size = Long.parseLong(lines[1]);
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the size or root line cannot be read", e);
    }
    if (!Base64.getEncoder().encodeToString(root).equals(lines[2])) {
      throw new IllegalArgumentException("the root line is not canonical base64");
    }
    if (!lines[3].startsWith(TIMESTAMP_PREFIX)) {
      throw new IllegalArgumentException("the fourth line is not a timestamp line");
    }
    try {
      timestamp = Instant.parse(lines[3].substring(TIMESTAMP_PREFIX.length()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the timestamp is not an ISO-8601 instant", e);
    }
    Checkpoint checkpoint = new Checkpoint(lines[0], size, root, timestamp);
    if (!checkpoint.body().equals(body)) {
      throw new IllegalArgumentException("the checkpoint body is not in canonical form");
    }
    return checkpoint;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Checkpoint c
        && origin.equals(c.origin)
        && size == c.size
        && Arrays.equals(rootHash, c.rootHash)
        && timestamp.equals(c.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, size, Arrays.hashCode(rootHash), timestamp);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + body().replace("\n", " | ").strip() + "]";
  }
}

package eu.focus.contract.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.contract.audit.CheckpointVerification.Accepted;
import eu.focus.contract.audit.CheckpointVerification.Rejected;
import eu.focus.contract.audit.LogVerification.Broken;
import eu.focus.contract.audit.LogVerification.Intact;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The offline verifier for auditors: {@code java -jar focus-audit-verifier.jar <command> ...}. It
 * trusts nothing the gateway sends except what the gateway's public key signed, and the key comes
 * from the auditor, not from the files checked.
 *
 * <pre>
 * log         --key KEY [--origin NAME] EXPORT.json [--checkpoint NOTE] [--trusted NOTE]...
 * inclusion   --key KEY [--origin NAME] PROOF.json  [--checkpoint NOTE]
 * consistency --key KEY [--origin NAME] PROOF.json  [--old NOTE --new NOTE]
 * </pre>
 *
 * {@code KEY} is a file holding the Ed25519 public key (PEM or base64 X.509); {@code NAME} is the
 * log's origin, which is also the key's name (default: the first line of the checkpoint). {@code
 * EXPORT.json} is {@code GET /api/v1/audit/log/export}; {@code PROOF.json} the answer of {@code GET
 * /api/v1/audit/proofs/inclusion} or {@code /consistency}; a {@code NOTE} is a signed checkpoint
 * the auditor holds (without one, the checkpoint inside the checked file is used; its signature is
 * still checked). Exit status: 0 verified, 1 not verified, 2 bad usage or unreadable input.
 */
public final class AuditVerifierCli {

  static final int VERIFIED = 0;
  static final int NOT_VERIFIED = 1;
  static final int USAGE = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;

  AuditVerifierCli(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new AuditVerifierCli(System.out).run(args));
  }

  int run(String... args) {
    try {
      Options options = Options.parse(args);
      return switch (options.command) {
        case "log" -> log(options);
        case "inclusion" -> inclusion(options);
        case "consistency" -> consistency(options);
        default -> throw new UsageException("unknown command " + options.command);
      };
    } catch (IOException | IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      out.println(
          "usage: log|inclusion|consistency --key KEY [--origin NAME] FILE"
              + " [--checkpoint NOTE] [--trusted NOTE]... [--old NOTE --new NOTE]");
      return USAGE;
    }
  }

  private int log(Options o) throws IOException {
    LogExport export;
    try (InputStream in = Files.newInputStream(o.file())) {
      export = LogExportJson.read(in);
    }
    String note = o.checkpoint != null ? read(o.checkpoint) : largest(export.checkpoints());
    if (note == null) {
      throw new UsageException("the export holds no checkpoint; give one with --checkpoint");
    }
    List<String> trusted = new ArrayList<>();
    for (Path p : o.trusted) {
      trusted.add(read(p));
    }
    LogVerification result =
        new LogVerifier(verifier(o, note)).verify(export, note, List.copyOf(trusted));
    if (result instanceof Intact intact) {
      out.printf(
          "VERIFIED: the first %d entries are the ones signed (%d signed tree sizes checked,"
              + " %d entries after the checkpoint not covered)%n",
          intact.checkpoint().size(), intact.checkpointsChecked(), intact.uncheckpointedEntries());
      return VERIFIED;
    }
    Broken broken = (Broken) result;
    out.printf("NOT VERIFIED (%s): %s%n", broken.problem(), broken.detail());
    broken.firstBadEntry().ifPresent(i -> out.printf("first bad entry: leaf %d%n", i));
    return NOT_VERIFIED;
  }

  private int inclusion(Options o) throws IOException {
    JsonNode proof = JSON.readTree(o.file().toFile());
    String note =
        o.checkpoint != null ? read(o.checkpoint) : text(proof.path("checkpoint"), "note");
    Checkpoint checkpoint = accepted(verifier(o, note), note, "checkpoint");
    if (checkpoint == null) {
      return NOT_VERIFIED;
    }
    long index = number(proof, "leafIndex");
    long size = number(proof, "treeSize");
    byte[] leafHash = MerkleHashes.leafHash(text(proof, "entry").getBytes(StandardCharsets.UTF_8));
    if (proof.hasNonNull("leafHash")
        && !Arrays.equals(leafHash, Base64.getDecoder().decode(proof.get("leafHash").asText()))) {
      return fail("the entry's text does not hash to the leaf hash given with it");
    }
    if (size != checkpoint.size()) {
      return fail(
          "the proof is for tree size " + size + " but the checkpoint for " + checkpoint.size());
    }
    Verification v =
        MerkleProofs.verifyInclusion(
            index, size, leafHash, hashes(proof.path("proof")), checkpoint.rootHash());
    if (!v.ok()) {
      return fail(v.toString());
    }
    out.printf(
        "VERIFIED: entry %s is leaf %d of the tree of %d entries signed by %s%n",
        proof.path("entryId").asText("?"), index, size, checkpoint.origin());
    return VERIFIED;
  }

  private int consistency(Options o) throws IOException {
    JsonNode proof = JSON.readTree(o.file().toFile());
    String oldNote = o.old != null ? read(o.old) : text(proof.path("firstCheckpoint"), "note");
    String newNote = o.now != null ? read(o.now) : text(proof.path("secondCheckpoint"), "note");
    CheckpointVerifier verifier = verifier(o, newNote);
    Checkpoint first = accepted(verifier, oldNote, "earlier checkpoint");
    Checkpoint second = first == null ? null : accepted(verifier, newNote, "later checkpoint");
    if (second == null) {
      return NOT_VERIFIED;
    }
    if (number(proof, "first") != first.size() || number(proof, "second") != second.size()) {
      return fail("the proof's tree sizes are not the checkpoints' sizes");
    }
    Verification v =
        MerkleProofs.verifyConsistency(
            first.size(),
            second.size(),
            hashes(proof.path("proof")),
            first.rootHash(),
            second.rootHash());
    if (!v.ok()) {
      return fail(v.toString());
    }
    out.printf(
        "VERIFIED: the tree of %d entries extends the tree of %d entries, both signed by %s%n",
        second.size(), first.size(), second.origin());
    return VERIFIED;
  }

  private Checkpoint accepted(CheckpointVerifier verifier, String note, String what) {
    CheckpointVerification result = verifier.verify(note);
    if (result instanceof Rejected rejected) {
      fail("the " + what + " is not signed by this key: " + rejected.reason());
      return null;
    }
    return ((Accepted) result).checkpoint();
  }

  private int fail(String why) {
    out.println("NOT VERIFIED: " + why);
    return NOT_VERIFIED;
  }

  private static CheckpointVerifier verifier(Options o, String note) throws IOException {
    if (o.key == null) {
      throw new UsageException("--key is required: the gateway's public key, as you hold it");
    }
    String origin = o.origin != null ? o.origin : note.lines().findFirst().orElse("").strip();
    String key =
        read(o.key).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    return new CheckpointVerifier(origin, key);
  }

  /** The checkpoint with the largest tree size among notes (unverified: only to choose one). */
  private static String largest(List<String> notes) {
    String best = null;
    long bestSize = -1;
    for (String note : notes) {
      try {
        long size = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1)).size();
        if (size > bestSize) {
          best = note;
          bestSize = size;
        }
      } catch (RuntimeException e) {
        // not a checkpoint: the verifier reports exported checkpoints it cannot read
      }
    }
    return best;
  }

  private static List<byte[]> hashes(JsonNode array) {
    if (!array.isArray()) {
      throw new UsageException("the file has no proof array");
    }
    List<byte[]> hashes = new ArrayList<>();
    array.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
    return hashes;
  }

  private static String text(JsonNode node, String field) {
    if (!node.path(field).isTextual()) {
      throw new UsageException("the file has no " + field);
    }
    return node.get(field).asText();
  }

  private static long number(JsonNode node, String field) {
    if (!node.path(field).canConvertToLong()) {
      throw new UsageException("the file has no " + field);
    }
    return node.get(field).asLong();
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /** Bad arguments or a file that is not what the command expects. */
  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }

  private static final class Options {
    String command;
    Path file;
    Path key;
    String origin;
    Path checkpoint;
    Path old;
    Path now;
    final List<Path> trusted = new ArrayList<>();

    static Options parse(String[] args) {
      if (args.length == 0) {
        throw new UsageException("no command");
      }
      Options o = new Options();
      o.command = args[0];
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("--")) {
          if (o.file != null) {
            throw new UsageException("more than one file: " + a);
          }
          o.file = Path.of(a);
          continue;
        }
        if (i + 1 >= args.length) {
          throw new UsageException(a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--key" -> o.key = Path.of(v);
          case "--origin" -> o.origin = v;
          case "--checkpoint" -> o.checkpoint = Path.of(v);
          case "--trusted" -> o.trusted.add(Path.of(v));
          case "--old" -> o.old = Path.of(v);
          case "--new" -> o.now = Path.of(v);
          default -> throw new UsageException("unknown option " + a);
        }
      }
      return o;
    }

    Path file() {
      if (file == null) {
        throw new UsageException("no file to check");
      }
      return file;
    }
  }
}

package eu.focus.gateway.audit.merkle;

import eu.focus.contract.audit.CheckpointSigner;
import eu.focus.contract.audit.CheckpointVerification;
import eu.focus.contract.audit.CheckpointVerifier;
import eu.focus.contract.audit.CompactRange.Node;
import eu.focus.contract.audit.LogExportJson;
import eu.focus.contract.audit.MerkleHashes;
import eu.focus.contract.audit.MerkleProofs;
import eu.focus.contract.audit.TreeProofs;
import eu.focus.contract.audit.Verification;
import eu.focus.gateway.audit.merkle.MerkleTreeStore.StoredCheckpoint;
import eu.focus.gateway.problem.ApiException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What auditors (the REST API and the console) ask of the Merkle log: its status, checkpoints,
 * inclusion and consistency proofs from the stored nodes, an entry's proof checked against the
 * latest signed checkpoint, the whole-log verification and the export. Hashes leave as base64.
 * Auditing each call is the caller's job (it knows who asked and why).
 */
@Service
public class AuditLogService {

  private static final Base64.Encoder B64 = Base64.getEncoder();

  private final MerkleTreeStore store;
  private final MerkleSequencer sequencer;
  private final AuditCheckpoints checkpoints;
  private final DatabaseLogVerifier verifier;
  private final CheckpointSigner signer;
  private final CheckpointVerifier checkpointVerifier;
  private final DataSource dataSource;
  private final TransactionTemplate readTx;
  private final AtomicReference<LogCheck> lastCheck = new AtomicReference<>();

  public AuditLogService(
      MerkleTreeStore store,
      MerkleSequencer sequencer,
      AuditCheckpoints checkpoints,
      DatabaseLogVerifier verifier,
      CheckpointSigner signer,
      DataSource dataSource,
      PlatformTransactionManager transactions) {
    this.store = store;
    this.sequencer = sequencer;
    this.checkpoints = checkpoints;
    this.verifier = verifier;
    this.signer = signer;
    this.checkpointVerifier = new CheckpointVerifier(signer.keyName(), signer.publicKeyText());
    this.dataSource = dataSource;
    this.readTx = new TransactionTemplate(transactions);
    readTx.setReadOnly(true);
  }

  /** A signed checkpoint as served: size, root, when, and the signed note itself. */
  public record CheckpointView(long treeSize, String rootHash, Instant signedAt, String note) {
    static CheckpointView of(StoredCheckpoint c) {
      return new CheckpointView(
          c.treeSize(), B64.encodeToString(c.rootHash()), c.signedAt(), c.note());
    }
  }

  /**
   * The log's state.
   *
   * @param treeSize entries in the tree
   * @param rootHash its root (base64)
   * @param waiting entries committed but not yet in the tree
   * @param latestCheckpoint the latest signed checkpoint, if any
   * @param origin the log's origin and key name
   * @param publicKey the checkpoint key, base64 X.509 (SubjectPublicKeyInfo)
   * @param lastVerification the last verification this instance ran, if any
   */
  public record Status(
      long treeSize,
      String rootHash,
      long waiting,
      CheckpointView latestCheckpoint,
      String origin,
      String publicKey,
      LogCheck lastVerification) {}

  /**
   * An inclusion proof.
   *
   * @param entryId the entry
   * @param leafIndex its leaf index
   * @param treeSize the tree the proof is for
   * @param entry the entry's canonical text (its leaf bytes in UTF-8)
   * @param leafHash SHA-256(0x00 || entry), base64
   * @param proof the proof hashes, leaf level first, base64
   * @param checkpoint the signed checkpoint of that size, when there is one
   */
  public record InclusionProof(
      String entryId,
      long leafIndex,
      long treeSize,
      String entry,
      String leafHash,
      List<String> proof,
      CheckpointView checkpoint) {}

  /** A consistency proof, with the signed checkpoints of both sizes when they exist. */
  public record ConsistencyProof(
      long first,
      long second,
      String firstRootHash,
      String secondRootHash,
      List<String> proof,
      CheckpointView firstCheckpoint,
      CheckpointView secondCheckpoint) {}

  /**
   * An entry checked as an auditor would: its proof against the latest signed checkpoint, whose
   * signature is checked with the gateway's public key.
   *
   * @param verified whether signature and proof both hold
   * @param detail why not, or what was checked
   */
  public record EntryCheck(boolean verified, String detail, InclusionProof inclusion) {}

  public Status status() {
    return readTx.execute(
        s -> {
          MerkleTreeStore.Head head = store.head();
          return new Status(
              head.size(),
              B64.encodeToString(head.root()),
              store.queueLength(),
              store.latestCheckpoint().map(CheckpointView::of).orElse(null),
              signer.keyName(),
              signer.publicKeyText(),
              lastCheck.get());
        });
  }

  /** Runs the whole-log verification now and remembers the result for {@link #status()}. */
  public LogCheck verify() {
    LogCheck check = verifier.verify();
    lastCheck.set(check);
    return check;
  }

  public List<CheckpointView> checkpoints(int page, int size) {
    return store.checkpoints(page, size).stream().map(CheckpointView::of).toList();
  }

  public Optional<CheckpointView> latestCheckpoint() {
    return store.latestCheckpoint().map(CheckpointView::of);
  }

  /** Sequences every waiting entry and signs the head; 409 while the log is empty. */
  public CheckpointView checkpointNow() {
    sequencer.sequenceNow();
    return checkpoints
        .checkpointNow()
        .map(CheckpointView::of)
        .orElseThrow(() -> conflict("The audit log is empty; there is nothing to sign yet"));
  }

  /**
   * The inclusion proof of an entry.
   *
   * @param treeSize the tree size; null for the latest checkpoint's
   */
  public InclusionProof inclusion(String entryId, Long treeSize) {
    return readTx.execute(s -> inclusionInTx(entryId, treeSize));
  }

  private InclusionProof inclusionInTx(String entryId, Long requestedSize) {
    OptionalLong found = store.leafIndex(entryId);
    if (found.isEmpty()) {
      if (store.isQueued(entryId)) {
        throw conflict("Entry " + entryId + " is not in the tree yet; it joins within a second");
      }
      throw ApiException.notFound("Audit entry " + entryId);
    }
    long leafIndex = found.getAsLong();
    long size;
    if (requestedSize == null) {
      size =
          store
              .latestCheckpoint()
              .map(StoredCheckpoint::treeSize)
              .orElseThrow(() -> conflict("No checkpoint has been signed yet"));
    } else {
      size = checkSize(requestedSize, "treeSize");
    }
    if (leafIndex >= size) {
      throw conflict(
          "Entry "
              + entryId
              + " is leaf "
              + leafIndex
              + ", not within the tree of size "
              + size
              + "; ask for a later size or checkpoint");
    }
    TreeProofs.Plan plan = TreeProofs.inclusion(leafIndex, size);
    List<Node> wanted = new ArrayList<>(plan.nodes());
    Node leafNode = new Node(0, leafIndex);
    wanted.add(leafNode);
    Map<Node, byte[]> hashes = store.nodes(wanted);
    String canonical = store.canonicalAt(leafIndex).orElseThrow();
    return new InclusionProof(
        entryId,
        leafIndex,
        size,
        canonical,
        B64.encodeToString(hashes.get(leafNode)),
        base64(plan.assemble(hashes)),
        store.checkpoint(size).map(CheckpointView::of).orElse(null));
  }

  public ConsistencyProof consistency(long first, long second) {
    return readTx.execute(
        s -> {
          checkSize(first, "first");
          checkSize(second, "second");
          if (second < first) {
            throw badRequest("second must not be smaller than first");
          }
          TreeProofs.Plan plan = TreeProofs.consistency(first, second);
          TreeProofs.Plan firstRoot = TreeProofs.root(first);
          TreeProofs.Plan secondRoot = TreeProofs.root(second);
          List<Node> wanted = new ArrayList<>(plan.nodes());
          wanted.addAll(firstRoot.nodes());
          wanted.addAll(secondRoot.nodes());
          Map<Node, byte[]> hashes = store.nodes(wanted);
          return new ConsistencyProof(
              first,
              second,
              B64.encodeToString(firstRoot.assemble(hashes).get(0)),
              B64.encodeToString(secondRoot.assemble(hashes).get(0)),
              base64(plan.assemble(hashes)),
              store.checkpoint(first).map(CheckpointView::of).orElse(null),
              store.checkpoint(second).map(CheckpointView::of).orElse(null));
        });
  }

  /** The entry's inclusion in the latest signed checkpoint, checked with the public key. */
  public EntryCheck checkEntry(String entryId) {
    InclusionProof inclusion = inclusion(entryId, null);
    CheckpointVerification signature = checkpointVerifier.verify(inclusion.checkpoint().note());
    if (signature instanceof CheckpointVerification.Rejected rejected) {
      return new EntryCheck(false, "checkpoint: " + rejected.reason(), inclusion);
    }
    var checkpoint = ((CheckpointVerification.Accepted) signature).checkpoint();
    Base64.Decoder d = Base64.getDecoder();
    byte[] leaf = MerkleHashes.leafHash(inclusion.entry().getBytes(StandardCharsets.UTF_8));
    Verification proof =
        MerkleProofs.verifyInclusion(
            inclusion.leafIndex(),
            checkpoint.size(),
            leaf,
            inclusion.proof().stream().map(d::decode).toList(),
            checkpoint.rootHash());
    if (proof instanceof Verification.Failed failed) {
      return new EntryCheck(false, "proof: " + failed.detail(), inclusion);
    }
    return new EntryCheck(
        true,
        "leaf "
            + inclusion.leafIndex()
            + " is in the signed checkpoint of tree size "
            + checkpoint.size(),
        inclusion);
  }

  /**
   * Writes the log up to a tree size as {@link LogExportJson}, streaming the entries from the
   * database, with every checkpoint up to that size.
   *
   * @param size the size to export, from {@link #exportSize}
   */
  public void export(long size, OutputStream out) {
    readTx.executeWithoutResult(
        s -> {
          List<String> notes =
              store.checkpointsUpTo(size).stream().map(StoredCheckpoint::note).toList();
          Connection connection = DataSourceUtils.getConnection(dataSource);
          try (LogExportJson.Writer writer = LogExportJson.writer(out, size, notes);
              PreparedStatement ps =
                  connection.prepareStatement(
                      """
                      select l.leaf_index, e.canonical, n.hash from audit_leaf l
                        left join audit_entry e on e.entry_id = l.entry_id
                        left join audit_node n on n.level = 0 and n.node_index = l.leaf_index
                      where l.leaf_index < ? order by l.leaf_index
                      """)) {
            ps.setFetchSize(1000);
            ps.setLong(1, size);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String canonical = rs.getString(2);
                // A deleted entry is exported as empty: the verifier then names it.
                writer.entry(
                    rs.getLong(1),
                    canonical == null ? new byte[0] : canonical.getBytes(StandardCharsets.UTF_8),
                    rs.getBytes(3));
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
          } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
          }
        });
  }

  /**
   * The tree size an export of {@code treeSize} covers: the current size when null; checked before
   * the export starts streaming, so that a bad size is a problem response, not a cut-off body.
   */
  public long exportSize(Long treeSize) {
    return treeSize == null ? store.head().size() : checkSize(treeSize, "treeSize");
  }

  /** A tree size the caller may ask about: 1 to the current size. */
  private long checkSize(long size, String name) {
    if (size < 1) {
      throw badRequest(name + " must be at least 1");
    }
    long current = store.head().size();
    if (size > current) {
      throw conflict(name + " " + size + " is beyond the current tree size " + current);
    }
    return size;
  }

  private static List<String> base64(List<byte[]> hashes) {
    return hashes.stream().map(B64::encodeToString).toList();
  }

  private static ApiException conflict(String detail) {
    return ApiException.of(HttpStatus.CONFLICT, "conflict", detail);
  }

  private static ApiException badRequest(String detail) {
    return ApiException.of(HttpStatus.BAD_REQUEST, "bad-request", detail);
  }
}

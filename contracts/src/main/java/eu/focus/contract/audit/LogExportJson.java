package eu.focus.contract.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The JSON form of a {@link LogExport}, as the gateway serves it ({@code GET
 * /api/v1/audit/log/export}) and the command-line verifier reads it:
 *
 * <pre>
 * {
 *   "format": "focus-audit-log-export/1",
 *   "treeSize": 3,
 *   "checkpoints": ["&lt;signed note&gt;", ...],
 *   "entries": [
 *     {"leafIndex": 0, "entry": "&lt;canonical JSON text&gt;", "leafHash": "&lt;base64&gt;"},
 *     ...
 *   ]
 * }
 * </pre>
 *
 * {@code entry} is the leaf's bytes as a JSON string (UTF-8 canonical JSON, so the text round-trips
 * exactly); {@code leafHash} is the hash the log stored, in standard base64. Checkpoints come
 * before the entries so that both sides can stream: the writer emits entries one at a time, and the
 * reader never needs more than the entries themselves. Unknown fields are ignored, so that later
 * versions can add some.
 */
public final class LogExportJson {

  /** The value of the {@code format} field. */
  public static final String FORMAT = "focus-audit-log-export/1";

  private static final JsonFactory JSON = new JsonFactory();

  private LogExportJson() {}

  /**
   * Starts writing an export; write the entries with {@link Writer#entry}, then close it.
   *
   * @param out where to write; not closed by the writer
   * @param treeSize the number of entries that will follow
   * @param checkpoints the signed checkpoint notes to include
   */
  public static Writer writer(OutputStream out, long treeSize, List<String> checkpoints)
      throws IOException {
    JsonGenerator json = JSON.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.writeStartObject();
    json.writeStringField("format", FORMAT);
    json.writeNumberField("treeSize", treeSize);
    json.writeArrayFieldStart("checkpoints");
    for (String note : checkpoints) {
      json.writeString(note);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("entries");
    return new Writer(json);
  }

  /** Writes a whole export held in memory. */
  public static void write(LogExport export, OutputStream out) throws IOException {
    try (Writer writer = writer(out, export.entries().size(), export.checkpoints())) {
      for (LogExport.Entry entry : export.entries()) {
        writer.entry(entry.leafIndex(), entry.content(), entry.recordedLeafHash());
      }
    }
  }

  /**
   * Reads an export.
   *
   * @throws IOException if the text is not JSON or not an export of this format
   */
  public static LogExport read(InputStream in) throws IOException {
    List<LogExport.Entry> entries = new ArrayList<>();
    List<String> checkpoints = new ArrayList<>();
    String format = null;
    try (JsonParser json = JSON.createParser(in)) {
      expect(json.nextToken(), JsonToken.START_OBJECT, json);
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "format" -> format = json.getValueAsString();
          case "checkpoints" -> {
            expect(value, JsonToken.START_ARRAY, json);
            while (json.nextToken() == JsonToken.VALUE_STRING) {
              checkpoints.add(json.getText());
            }
            expect(json.currentToken(), JsonToken.END_ARRAY, json);
          }
          case "entries" -> {
            expect(value, JsonToken.START_ARRAY, json);
            while (json.nextToken() == JsonToken.START_OBJECT) {
              entries.add(entry(json));
            }
            expect(json.currentToken(), JsonToken.END_ARRAY, json);
          }
          default -> json.skipChildren();
        }
      }
    }
    if (!FORMAT.equals(format)) {
      throw new IOException("not a " + FORMAT + " document (format: " + format + ")");
    }
    return new LogExport(entries, checkpoints);
  }

  private static LogExport.Entry entry(JsonParser json) throws IOException {
    long leafIndex = -1;
    byte[] content = null;
    byte[] leafHash = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      switch (field) {
        case "leafIndex" -> leafIndex = json.getValueAsLong(-1);
        case "entry" -> content = json.getText().getBytes(StandardCharsets.UTF_8);
        case "leafHash" -> {
          try {
            leafHash = Base64.getDecoder().decode(json.getText());
          } catch (IllegalArgumentException e) {
            throw new IOException("leafHash of entry " + leafIndex + " is not base64", e);
          }
        }
        default -> json.skipChildren();
      }
    }
    return new LogExport.Entry(leafIndex, content, leafHash);
  }

  private static void expect(JsonToken actual, JsonToken expected, JsonParser json)
      throws IOException {
    if (actual != expected) {
      throw new IOException(
          "expected " + expected + " but found " + actual + " at " + json.currentLocation());
    }
  }

  /** Streams entries into an export; {@link #close()} ends the document. */
  public static final class Writer implements Closeable {

    private final JsonGenerator json;

    private Writer(JsonGenerator json) {
      this.json = json;
    }

    /** Writes one entry; entries go in leaf order. */
    public void entry(long leafIndex, byte[] content, byte[] leafHash) throws IOException {
      json.writeStartObject();
      json.writeNumberField("leafIndex", leafIndex);
      json.writeStringField("entry", new String(content, StandardCharsets.UTF_8));
      if (leafHash != null) {
        json.writeStringField("leafHash", Base64.getEncoder().encodeToString(leafHash));
      }
      json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
      json.writeEndArray();
      json.writeEndObject();
      json.close();
    }
  }
}

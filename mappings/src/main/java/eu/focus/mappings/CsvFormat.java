package eu.focus.mappings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The CSV dialect of a national system that exchanges files ({@code format: csv}, the {@code csv:}
 * section of {@code system.yaml}), and the conversion between such a file and the JSON its JSONata
 * mappings work on.
 *
 * <p>Inbound, a file becomes {@code {"rows": [{"_row": 2, "<column>": "<cell>", ...}, ...]}}: one
 * object per data row, keyed by the header's column names, with {@code _row}, the row's number in
 * the file (the header is row 1), so that a mapping can say where a bad value was. Every cell is
 * text; what an empty cell means is the dialect's {@link EmptyCell}. Outbound, the mapping produces
 * the same shape ({@code _row} is not needed) and the file is written with the declared columns, in
 * their order, as the header.
 *
 * <p>Errors name a place the way a person opening the file sees it: {@code row N} or {@code row N,
 * column <name>}, where N counts the lines of the file from 1 (the header) — the number a text
 * editor or spreadsheet shows, as long as no quoted cell spans lines. Parsing uses Jackson's CSV
 * module (RFC 4180 quoting: a quote inside a quoted cell is doubled). Writing is deterministic:
 * {@code \r\n} line ends (RFC 4180), a cell is quoted only when it must be (it holds the separator,
 * the quote character, a line break or leading/trailing spaces), no byte order mark.
 *
 * <p>Over 400 lines on purpose: the dialect, reading and writing are one format; the reading half
 * is mostly the row and column a refusal names, which the writing half must agree with.
 */
public final class CsvFormat {

  /** Member of each inbound row object that holds the row's number in the file. */
  public static final String ROW_MEMBER = "_row";

  /** Member of the document that holds the rows, inbound and outbound. */
  public static final String ROWS_MEMBER = "rows";

  /** Line end of written files. */
  static final String LINE_END = "\r\n";

  /** What an empty cell means. */
  public enum EmptyCell {
    /** The cell is left out of the row object, like a missing JSON member (the default). */
    MISSING("missing"),
    /** The row object gets an empty string for it. */
    EMPTY_TEXT("empty-text");

    private final String yaml;

    EmptyCell(String yaml) {
      this.yaml = yaml;
    }

    /** The value in {@code system.yaml}. */
    public String yaml() {
      return yaml;
    }

    static EmptyCell of(String value) {
      for (EmptyCell e : values()) {
        if (e.yaml.equals(value)) {
          return e;
        }
      }
      throw new MappingDefinitionException(
          "csv.emptyCell must be 'missing' or 'empty-text', found '" + value + "'");
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final CsvMapper CSV = new CsvMapper();

  private final char separator;
  private final char quote;
  private final EmptyCell emptyCell;
  private final List<String> columns;
  private final CsvSchema readSchema;
  private final CsvSchema writeSchema;

  CsvFormat(char separator, char quote, EmptyCell emptyCell, List<String> columns) {
    this.separator = separator;
    this.quote = quote;
    this.emptyCell = Objects.requireNonNull(emptyCell, "emptyCell");
    this.columns = List.copyOf(columns);
    if (separator == quote) {
      throw new MappingDefinitionException("csv: separator and quote must differ");
    }
    if (this.columns.isEmpty()) {
      throw new MappingDefinitionException("csv.columns must name at least one column");
    }
    Set<String> seen = new HashSet<>();
    for (String column : this.columns) {
      if (column.isBlank() || column.startsWith("_") || !column.equals(column.strip())) {
        throw new MappingDefinitionException(
            "csv.columns: '" + column + "' is not a column name (no blanks, no leading '_')");
      }
      if (column.indexOf(separator) >= 0 || column.indexOf(quote) >= 0) {
        throw new MappingDefinitionException(
            "csv.columns: '" + column + "' contains the separator or the quote character");
      }
      if (!seen.add(column)) {
        throw new MappingDefinitionException("csv.columns: '" + column + "' appears twice");
      }
    }
    this.readSchema =
        CsvSchema.emptySchema()
            .withColumnSeparator(separator)
            .withQuoteChar(quote)
            .withoutHeader()
            .withoutEscapeChar();
    this.writeSchema =
        CsvSchema.emptySchema()
            .withColumnSeparator(separator)
            .withQuoteChar(quote)
            .withoutHeader()
            .withoutEscapeChar()
            .withLineSeparator(LINE_END);
  }

  /** The column separator, {@code ;} unless the system says otherwise. */
  public char separator() {
    return separator;
  }

  /** The quote character, {@code "} unless the system says otherwise. */
  public char quote() {
    return quote;
  }

  /** What an empty cell means. */
  public EmptyCell emptyCell() {
    return emptyCell;
  }

  /** The declared columns in the order they are written; also the header. */
  public List<String> columns() {
    return columns;
  }

  /** How errors name a cell: {@code row 5, column datum_rodjenja}. */
  public static String cell(long row, String column) {
    return "row " + row + ", column " + column;
  }

  /** How errors name a row: {@code row 5}. */
  public static String row(long row) {
    return "row " + row;
  }

  /**
   * Parses a national file into the document the inbound mapping sees.
   *
   * @return {@code {"rows": [...]}}, or {@code null} when the file is not CSV of this dialect or
   *     its header is wrong (the errors are recorded in {@code call})
   */
  ObjectNode parse(String text, MappingCall call) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<RawRow> raw = new ArrayList<>();
    // Jackson's own locations count records, not lines; a row's line is counted here: each record
    // takes one line plus the line breaks inside its quoted cells. Empty lines come through as
    // records of one empty cell and are skipped below, but they count.
    long line = 1;
    try (JsonParser parser =
        CSV.reader(readSchema).with(CsvParser.Feature.WRAP_AS_ARRAY).createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        call.error("", null, "the file is empty; a header row is required");
        return null;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.START_ARRAY) {
        List<String> cells = new ArrayList<>();
        long breaks = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          String cell = parser.getText();
          breaks += lineBreaks(cell);
          cells.add(cell);
        }
        if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
          raw.add(new RawRow(line, cells));
        }
        line += 1 + breaks;
      }
      if (token != JsonToken.END_ARRAY && token != null) {
        call.error("", null, "not CSV: unexpected " + token);
        return null;
      }
    } catch (JsonProcessingException e) {
      // The record being read when parsing failed starts at this line (an unclosed quote runs to
      // the end of the file, where Jackson notices it).
      call.error(
          row(line), null, "not CSV: " + e.getOriginalMessage() + " (in the row starting here)");
      return null;
    } catch (IOException e) {
      call.error("", null, "not CSV: " + e.getMessage());
      return null;
    }
    if (raw.isEmpty()) {
      call.error("", null, "the file is empty; a header row is required");
      return null;
    }
    RawRow header = raw.get(0);
    List<String> names = header.cells().stream().map(String::strip).toList();
    if (!checkHeader(header.line(), names, call)) {
      return null;
    }
    ObjectNode document = NODES.objectNode();
    ArrayNode rows = document.putArray(ROWS_MEMBER);
    boolean ok = true;
    for (RawRow r : raw.subList(1, raw.size())) {
      if (r.cells().stream().allMatch(String::isBlank)) {
        continue; // a spreadsheet's trailing ";;;;" line carries nothing
      }
      if (r.cells().size() != names.size()) {
        call.error(
            row(r.line()),
            null,
            "the row has " + r.cells().size() + " cells; the header has " + names.size());
        ok = false;
        continue;
      }
      ObjectNode row = rows.addObject();
      row.put(ROW_MEMBER, (int) r.line()); // a 4 Mi-character payload has fewer lines
      for (int i = 0; i < names.size(); i++) {
        String cell = r.cells().get(i);
        if (!cell.isEmpty() || emptyCell == EmptyCell.EMPTY_TEXT) {
          row.put(names.get(i), cell);
        }
      }
    }
    return ok ? document : null;
  }

  private boolean checkHeader(long line, List<String> names, MappingCall call) {
    boolean ok = true;
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!columns.contains(name)) {
        call.error(
            cell(line, name),
            name,
            "unknown column '" + name + "'; the header must name exactly the declared columns");
        ok = false;
      } else if (!seen.add(name)) {
        call.error(cell(line, name), name, "column '" + name + "' appears twice in the header");
        ok = false;
      }
    }
    for (String column : columns) {
      if (!names.contains(column)) {
        call.error(row(line), column, "missing column '" + column + "' in the header");
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Writes what the outbound mapping produced as a file of this dialect: the header, then one line
   * per row object.
   *
   * @return the file text, or {@code null} when the output is not {@code {"rows": [objects]}} of
   *     declared columns with text, number or boolean values (the errors are recorded)
   */
  String write(JsonNode output, String mappingFile, MappingCall call) {
    JsonNode rows = output == null ? null : output.get(ROWS_MEMBER);
    if (rows == null || !rows.isArray()) {
      call.error("", null, mappingFile + " must produce {\"rows\": [...]} for a CSV system");
      return null;
    }
    List<List<String>> lines = new ArrayList<>();
    lines.add(columns);
    boolean ok = true;
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      if (!row.isObject()) {
        call.error("", null, mappingFile + ": output row " + i + " is not an object");
        ok = false;
        continue;
      }
      Set<String> unknown = new LinkedHashSet<>();
      row.fieldNames().forEachRemaining(unknown::add);
      unknown.removeAll(columns);
      unknown.remove(ROW_MEMBER);
      if (!unknown.isEmpty()) {
        call.error(
            "", null, mappingFile + ": output row " + i + " has undeclared columns " + unknown);
        ok = false;
        continue;
      }
      List<String> cells = new ArrayList<>(columns.size());
      for (String column : columns) {
        JsonNode value = row.get(column);
        if (value == null || value.isNull()) {
          cells.add("");
        } else if (value.isValueNode()) {
          cells.add(value.asText());
        } else {
          call.error(
              "",
              null,
              mappingFile
                  + ": output row "
                  + i
                  + ", column "
                  + column
                  + " holds "
                  + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                  + "; a cell takes text, a number or a boolean");
          ok = false;
        }
      }
      lines.add(cells);
    }
    if (!ok) {
      return null;
    }
    try {
      return CSV.writer(writeSchema)
          .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .writeValueAsString(lines);
    } catch (JsonProcessingException e) {
      call.error("", null, "cannot write the CSV file: " + e.getOriginalMessage());
      return null;
    }
  }

  /**
   * The rows of a file as lists of cells, header first, without checking the header: how tests and
   * tools compare two files of this dialect regardless of quoting and line ends.
   */
  List<List<String>> cells(String text) throws IOException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> result = new ArrayList<>();
    try (var it =
        CSV.readerFor(String[].class)
            .with(readSchema)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES)
            .<String[]>readValues(body)) {
      while (it.hasNext()) {
        result.add(List.of(it.next()));
      }
    }
    return result;
  }

  /** What {@code system.yaml}'s {@code csv:} section says, with the defaults filled in. */
  static CsvFormat fromDescriptor(JsonNode csv) {
    if (csv == null || !csv.isObject()) {
      throw new MappingDefinitionException("a csv system needs a csv: section with its columns");
    }
    Set<String> known = Set.of("separator", "quote", "emptyCell", "columns");
    Iterator<Map.Entry<String, JsonNode>> fields = csv.fields();
    while (fields.hasNext()) {
      String key = fields.next().getKey();
      if (!known.contains(key)) {
        throw new MappingDefinitionException("csv: unknown key '" + key + "'; known: " + known);
      }
    }
    char separator = oneChar(csv, "separator", ';');
    char quote = oneChar(csv, "quote", '"');
    EmptyCell empty =
        csv.hasNonNull("emptyCell")
            ? EmptyCell.of(csv.get("emptyCell").asText())
            : EmptyCell.MISSING;
    JsonNode columnsNode = csv.get("columns");
    if (columnsNode == null || !columnsNode.isArray()) {
      throw new MappingDefinitionException("csv.columns must list the columns in order");
    }
    List<String> columns = new ArrayList<>();
    columnsNode.forEach(c -> columns.add(c.asText()));
    return new CsvFormat(separator, quote, empty, columns);
  }

  private static char oneChar(JsonNode csv, String key, char fallback) {
    JsonNode value = csv.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    String text = value.asText();
    if ("\\t".equals(text) || "tab".equals(text)) {
      return '\t';
    }
    if (text.length() != 1 || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
      throw new MappingDefinitionException(
          "csv." + key + " must be one character (or tab), found '" + text + "'");
    }
    return text.charAt(0);
  }

  private static long lineBreaks(String cell) {
    long n = 0;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return n;
  }

  private record RawRow(long line, List<String> cells) {}
}

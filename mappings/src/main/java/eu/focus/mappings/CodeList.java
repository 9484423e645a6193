package eu.focus.mappings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A national code list: one CSV file {@code codelists/<name>.csv} with the header {@code
 * national,contract,note}. A row maps a national code to a contract code. An empty {@code contract}
 * cell marks a national code that the national system knows but the contract has no equivalent for
 * ("unmapped"); an empty {@code national} cell marks a contract code the national system has no
 * equivalent for. Either way the note must say why, because an integrator reading the error needs
 * to know whether to fix the data or the list.
 *
 * <p>A code may appear on several rows, which is how a list says "several national codes mean the
 * same contract code" (or the reverse): in each direction the first row with the code wins, so put
 * the preferred translation first. Blank lines and lines starting with {@code #} are ignored; cells
 * follow RFC 4180 (double quotes around cells with commas). Codes are compared exactly, after
 * trimming the cell.
 */
public final class CodeList {

  /** The header every code-list file starts with. */
  public static final String HEADER = "national,contract,note";

  /** How a code was found in the list. */
  public enum Status {
    /** The code has an equivalent: {@link Lookup#code()}. */
    MAPPED,
    /** The code is listed but deliberately has no equivalent; {@link Lookup#note()} says why. */
    UNMAPPED,
    /** The code is not in the list. */
    UNKNOWN
  }

  /**
   * The answer to a lookup.
   *
   * @param status whether the code was mapped, deliberately unmapped or unknown
   * @param code the equivalent code when {@code MAPPED}, otherwise {@code null}
   * @param note the row's note, or {@code null} when unknown
   */
  public record Lookup(Status status, String code, String note) {}

  /**
   * One row of the file.
   *
   * @param line the 1-based line number, for messages
   * @param national the national code, empty when the contract code has no national equivalent
   * @param contract the contract code, empty when the national code has no contract equivalent
   * @param note why the row is as it is; required when either code is empty
   */
  public record Row(int line, String national, String contract, String note) {}

  private final String name;
  private final List<Row> rows;
  private final Map<String, Row> byNational = new HashMap<>();
  private final Map<String, Row> byContract = new HashMap<>();

  private CodeList(String name, List<Row> rows) {
    this.name = name;
    this.rows = List.copyOf(rows);
    for (Row row : rows) {
      if (!row.national().isEmpty()) {
        byNational.putIfAbsent(row.national(), row);
      }
      if (!row.contract().isEmpty()) {
        byContract.putIfAbsent(row.contract(), row);
      }
    }
  }

  /**
   * Parses a code-list file.
   *
   * @param name the list's name (its file name without {@code .csv})
   * @param csv the file's content
   * @throws IllegalArgumentException naming the line when the file is not a valid code list
   */
  public static CodeList parse(String name, String csv) {
    List<List<String>> records = Csv.parse(csv);
    List<Row> rows = new ArrayList<>();
    boolean headerSeen = false;
    for (List<String> record : records) {
      int line = Integer.parseInt(record.get(0));
      List<String> cells = record.subList(1, record.size());
      if (!headerSeen) {
        if (!String.join(",", cells.stream().map(String::trim).toList()).equals(HEADER)) {
          throw new IllegalArgumentException(
              "line " + line + ": expected the header '" + HEADER + "', found " + cells);
        }
        headerSeen = true;
        continue;
      }
      if (cells.size() < 2 || cells.size() > 3) {
        throw new IllegalArgumentException(
            "line " + line + ": expected 3 cells (national,contract,note), found " + cells.size());
      }
      String national = cells.get(0).trim();
      String contract = cells.get(1).trim();
      String note = cells.size() == 3 ? cells.get(2).trim() : "";
      if (national.isEmpty() && contract.isEmpty()) {
        throw new IllegalArgumentException("line " + line + ": both codes are empty");
      }
      if ((national.isEmpty() || contract.isEmpty()) && note.isEmpty()) {
        throw new IllegalArgumentException(
            "line " + line + ": a code without an equivalent needs a note saying why");
      }
      rows.add(new Row(line, national, contract, note));
    }
    if (!headerSeen) {
      throw new IllegalArgumentException("the file is empty; expected the header '" + HEADER + "'");
    }
    return new CodeList(name, rows);
  }

  /** The list's name. */
  public String name() {
    return name;
  }

  /** Every row, in file order. */
  public List<Row> rows() {
    return rows;
  }

  /** The contract code for a national code. */
  public Lookup toContract(String nationalCode) {
    Row row = byNational.get(nationalCode);
    if (row == null) {
      return new Lookup(Status.UNKNOWN, null, null);
    }
    return row.contract().isEmpty()
        ? new Lookup(Status.UNMAPPED, null, row.note())
        : new Lookup(Status.MAPPED, row.contract(), row.note());
  }

  /** The national code for a contract code; the first row with that contract code wins. */
  public Lookup toNational(String contractCode) {
    Row row = byContract.get(contractCode);
    if (row == null) {
      return new Lookup(Status.UNKNOWN, null, null);
    }
    return row.national().isEmpty()
        ? new Lookup(Status.UNMAPPED, null, row.note())
        : new Lookup(Status.MAPPED, row.national(), row.note());
  }

  /** National code → contract code for the mapped rows, in file order. */
  public Map<String, String> mappedRows() {
    Map<String, String> mapped = new LinkedHashMap<>();
    for (Row row : rows) {
      if (!row.national().isEmpty() && !row.contract().isEmpty()) {
        mapped.put(row.national(), row.contract());
      }
    }
    return mapped;
  }

  @Override
  public String toString() {
    return "CodeList[" + name + ", " + rows.size() + " rows]";
  }

  /** RFC 4180 reading, kept here because a CSV library would be a dependency for 40 lines. */
  static final class Csv {

    private Csv() {}

    /** Records as lists whose first element is the 1-based line number the record starts on. */
    static List<List<String>> parse(String text) {
      String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
      List<List<String>> records = new ArrayList<>();
      int i = 0;
      int line = 1;
      while (i < s.length()) {
        int lineEnd = s.indexOf('\n', i);
        String rawLine = lineEnd < 0 ? s.substring(i) : s.substring(i, lineEnd);
        if (rawLine.isBlank() || rawLine.stripLeading().startsWith("#")) {
          i = lineEnd < 0 ? s.length() : lineEnd + 1;
          line++;
          continue;
        }
        List<String> record = new ArrayList<>();
        record.add(Integer.toString(line));
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean done = false;
        while (!done) {
          if (i >= s.length()) {
            if (quoted) {
              throw new IllegalArgumentException("line " + line + ": unterminated quoted cell");
            }
            record.add(cell.toString());
            done = true;
            continue;
          }
          char c = s.charAt(i++);
          if (quoted) {
            if (c == '"') {
              if (i < s.length() && s.charAt(i) == '"') {
                cell.append('"');
                i++;
              } else {
                quoted = false;
              }
            } else {
              if (c == '\n') {
                line++;
              }
              cell.append(c);
            }
          } else if (c == '"' && cell.toString().isBlank()) {
            cell.setLength(0);
            quoted = true;
          } else if (c == ',') {
            record.add(cell.toString());
            cell.setLength(0);
          } else if (c == '\n') {
            record.add(cell.toString());
            line++;
            done = true;
          } else if (c != '\r') {
            cell.append(c);
          }
        }
        records.add(record);
      }
      return records;
    }
  }
}

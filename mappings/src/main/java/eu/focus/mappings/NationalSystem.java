package eu.focus.mappings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code system.yaml} says about a national system: who it is, which format it speaks, which
 * mapping files and code lists it uses. The defaults it carries ({@link #agencyId()}, {@link
 * #country()}, {@link #language()}) are offered to the mapping as {@code $system}, so a payload
 * need not repeat what is always the same for that system.
 */
public final class NationalSystem {

  /** The wire format of the national system. */
  public enum Format {
    /** REST/JSON; mapped with JSONata. */
    JSON,
    /** XML (SOAP, files); mapped with XSLT 3. */
    XML,
    /** CSV files (file drop, SFTP); parsed into rows and mapped with JSONata. */
    CSV
  }

  private final String id;
  private final String name;
  private final String country;
  private final String language;
  private final String agencyId;
  private final Format format;
  private final String mappingVersion;
  private final String inbound;
  private final String outbound;
  private final List<String> codeLists;
  private final Map<String, String> oneWayFields;
  private final String location;
  private final Path directory;
  private final CsvFormat csv;

  NationalSystem(
      String id,
      String name,
      String country,
      String language,
      String agencyId,
      Format format,
      String mappingVersion,
      String inbound,
      String outbound,
      List<String> codeLists,
      Map<String, String> oneWayFields,
      String location,
      Path directory,
      CsvFormat csv) {
    this.id = id;
    this.name = name;
    this.country = country;
    this.language = language;
    this.agencyId = agencyId;
    this.format = format;
    this.mappingVersion = mappingVersion;
    this.inbound = inbound;
    this.outbound = outbound;
    this.codeLists = List.copyOf(codeLists);
    this.oneWayFields = Map.copyOf(oneWayFields);
    this.location = location;
    this.directory = directory;
    this.csv = csv;
  }

  /** The system's id, also the name of its folder, e.g. {@code ro-police}. */
  public String id() {
    return id;
  }

  /** Human-readable name; the default {@code authoringSystem} of records it sends. */
  public String name() {
    return name;
  }

  /** Contract country code of the system, e.g. {@code RO}; the default {@code sourceCountry}. */
  public String country() {
    return country;
  }

  /** BCP-47 tag of the language its free texts are written in, e.g. {@code ro}. */
  public String language() {
    return language;
  }

  /** The agency the system serves, e.g. {@code ro-police}; the default {@code sourceAgency}. */
  public String agencyId() {
    return agencyId;
  }

  /** JSON, XML or CSV. */
  public Format format() {
    return format;
  }

  /** Semantic version of the mapping folder, e.g. {@code 1.0.0}. */
  public String mappingVersion() {
    return mappingVersion;
  }

  /**
   * What goes into {@code record.provenance.mappingVersion}: {@code <id>@<mappingVersion>}, e.g.
   * {@code ro-police@1.0.0}.
   */
  public String mappingVersionTag() {
    return id + "@" + mappingVersion;
  }

  /** File name of the national → contract mapping inside the folder. */
  public String inbound() {
    return inbound;
  }

  /** File name of the delivery message → national mapping inside the folder. */
  public String outbound() {
    return outbound;
  }

  /** Names of the code lists, each {@code codelists/<name>.csv}. */
  public List<String> codeLists() {
    return codeLists;
  }

  /**
   * National fields deliberately not carried through a round trip (national → contract → national),
   * by JSON pointer ({@code *} matches any array index), each with the reason.
   */
  public Map<String, String> oneWayFields() {
    return oneWayFields;
  }

  /** Where the folder was loaded from, for messages. */
  public String location() {
    return location;
  }

  /**
   * The folder on the file system, when it was loaded from one (a directory or an exploded
   * classpath entry, not a jar); golden cases are read from it.
   */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  /** The CSV dialect and columns of a {@link Format#CSV} system; empty for the other formats. */
  public Optional<CsvFormat> csv() {
    return Optional.ofNullable(csv);
  }

  @Override
  public String toString() {
    return "NationalSystem[" + mappingVersionTag() + ", " + format + ", " + location + "]";
  }
}

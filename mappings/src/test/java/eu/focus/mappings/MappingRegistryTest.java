package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingRegistryTest {

  @TempDir Path dir;

  @Test
  void loadsEverySystemNamedByAClasspathIndexIncludingTheTestOnlyOne() {
    MappingRegistry registry = MappingRegistry.load();

    assertThat(registry.systemIds())
        .containsExactly(
            "gr-houses-of-child",
            "hu-probation",
            "hu-probation-xml",
            "nl-raad",
            "ro-police",
            "rs-csw-belgrade");
  }

  @Test
  void readsTheDescriptorOfAShippedSystem() {
    NationalSystem ro = MappingRegistry.load().system("ro-police").orElseThrow();

    assertThat(ro.name()).isEqualTo("RO-POL Minori (demo)");
    assertThat(ro.country()).isEqualTo("RO");
    assertThat(ro.language()).isEqualTo("ro");
    assertThat(ro.agencyId()).isEqualTo("ro-police");
    assertThat(ro.format()).isEqualTo(NationalSystem.Format.JSON);
    assertThat(ro.mappingVersionTag()).isEqualTo("ro-police@1.0.0");
    assertThat(ro.codeLists()).contains("infractiune", "calitate-procesuala", "scop");
    assertThat(ro.oneWayFields()).containsKey("/observatiiInterne");
    assertThat(ro.directory()).isPresent();
  }

  @Test
  void readsTheDescriptorOfTheShippedXmlSystem() {
    NationalSystem nl = MappingRegistry.load().system("nl-raad").orElseThrow();

    assertThat(nl.format()).isEqualTo(NationalSystem.Format.XML);
    assertThat(nl.country()).isEqualTo("NL");
    assertThat(nl.language()).isEqualTo("nl");
    assertThat(nl.agencyId()).isEqualTo("nl-raad");
    assertThat(nl.mappingVersionTag()).isEqualTo("nl-raad@1.0.0");
    assertThat(nl.inbound()).isEqualTo("inbound.xsl");
    assertThat(nl.codeLists()).contains("delict", "maatregel", "rol", "taal");
    assertThat(nl.oneWayFields())
        .containsKey("/Raadsrapportage/Rapportage[1]/InterneAantekening[1]");
    assertThat(MappingRegistry.load().codeLists("nl-raad").get("delict").toContract("311").code())
        .isEqualTo("0501");
  }

  @Test
  void readsTheCsvDialectAndColumnsOfACsvSystem() {
    NationalSystem rs = MappingRegistry.load().system("rs-csw-belgrade").orElseThrow();

    assertThat(rs.format()).isEqualTo(NationalSystem.Format.CSV);
    assertThat(rs.language()).isEqualTo("sr-Latn");
    CsvFormat csv = rs.csv().orElseThrow();
    assertThat(csv.separator()).isEqualTo(';');
    assertThat(csv.quote()).isEqualTo('"');
    assertThat(csv.emptyCell()).isEqualTo(CsvFormat.EmptyCell.MISSING);
    assertThat(csv.columns()).startsWith("tip_reda", "id_poruke").contains("datum_rodjenja");
    assertThat(MappingRegistry.load().system("ro-police").orElseThrow().csv()).isEmpty();
  }

  @Test
  void refusesACsvSystemWithoutColumnsAndACsvSectionOnAJsonSystem() {
    new TestSystem()
        .with("system.yaml", TestSystem.SYSTEM_YAML.replace("format: json", "format: csv"))
        .writeTo(dir.resolve("a"));
    new TestSystem()
        .with("system.yaml", TestSystem.SYSTEM_YAML + "csv:\n  columns: [id]\n")
        .writeTo(dir.resolve("b"));

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir.resolve("a")))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("system.yaml: a csv system needs a csv: section");
    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir.resolve("b")))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("a csv: section belongs only to a system with format: csv");
  }

  @Test
  void exposesTheCodeListsOfASystem() {
    MappingRegistry registry = MappingRegistry.load();

    assertThat(registry.codeLists("gr-houses-of-child").get("chora").toContract("EL").code())
        .isEqualTo("GR");
    assertThat(registry.codeLists("gr-houses-of-child").get("chora").toNational("GR").code())
        .isEqualTo("EL");
    assertThat(registry.codeLists("nobody")).isEmpty();
  }

  @Test
  void loadsASystemWrittenToADirectoryAtTestTime() {
    MappingRegistry registry = MappingRegistry.loadFrom(new TestSystem().writeTo(dir));

    assertThat(registry.systemIds()).containsExactly(TestSystem.ID);
    assertThat(registry.system(TestSystem.ID).orElseThrow().directory())
        .contains(dir.resolve(TestSystem.ID));
  }

  @Test
  void ignoresSubFoldersWithoutDescriptor() {
    new TestSystem().writeTo(dir);
    new TestSystem().with("system.yaml", null).writeTo(dir, "notes");

    assertThat(MappingRegistry.loadFrom(dir).systemIds()).containsExactly(TestSystem.ID);
  }

  @Test
  void refusesAFolderWhoseNameIsNotTheSystemId() {
    new TestSystem().writeTo(dir, "other-name");

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("differs from the folder name 'other-name'");
  }

  @Test
  void refusesAnUnknownDescriptorKey() {
    new TestSystem().with("system.yaml", TestSystem.SYSTEM_YAML + "colour: blue\n").writeTo(dir);

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("unknown key 'colour'");
  }

  @Test
  void refusesAMappingVersionThatIsNotSemantic() {
    new TestSystem()
        .with("system.yaml", TestSystem.SYSTEM_YAML.replace("2.1.0", "v2"))
        .writeTo(dir);

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("'v2' is not a semantic version");
  }

  @Test
  void refusesACountryTheContractDoesNotKnowOrOnlyAsAnAlias() {
    new TestSystem()
        .with("system.yaml", TestSystem.SYSTEM_YAML.replace("country: RO", "country: EL"))
        .writeTo(dir);

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("country 'EL' is not a contract country code");
  }

  @Test
  void refusesAFormatOtherThanJsonXmlOrCsv() {
    new TestSystem()
        .with("system.yaml", TestSystem.SYSTEM_YAML.replace("format: json", "format: yaml"))
        .writeTo(dir);

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("format must be json, xml or csv");
  }

  @Test
  void refusesAMissingMappingFile() {
    new TestSystem().with("outbound.jsonata", null).writeTo(dir);

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("missing file outbound.jsonata");
  }

  @Test
  void refusesAMappingThatDoesNotParse() {
    new TestSystem().with("inbound.jsonata", "{ \"a\": ").writeTo(dir);

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("inbound.jsonata: JSONata does not parse");
  }

  @Test
  void refusesAMappingThatUsesACodeListTheSystemLacks() {
    new TestSystem()
        .with("outbound.jsonata", "{ \"x\": $toNational('stadiu', record.case.stage) }")
        .writeTo(dir);

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("outbound.jsonata uses code lists [stadiu]");
  }

  @Test
  void refusesAMalformedCodeListNamingItsLine() {
    new TestSystem().with("codelists/rol.csv", "national,contract,note\nMARTOR,,\n").writeTo(dir);

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("codelists/rol.csv: line 2");
  }

  @Test
  void refusesAnXslMappingThatDoesNotCompile() {
    new TestSystem()
        .with(
            "system.yaml",
            TestSystem.SYSTEM_YAML
                .replace("format: json", "format: xml")
                .replace(".jsonata", ".xsl"))
        .with(
            "inbound.xsl",
            "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:bogus/></xsl:stylesheet>")
        .with("outbound.xsl", "<not-xslt/>")
        .writeTo(dir);

    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("inbound.xsl: XSLT does not compile");
  }

  @Test
  void refusesAPathThatIsNotADirectory() {
    assertThatThrownBy(() -> MappingRegistry.loadFrom(dir.resolve("missing")))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("is not a directory");
  }
}

package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeListTest {

  @Test
  void mapsNationalToContractAndBack() {
    CodeList list = CodeList.parse("role", "national,contract,note\nMARTOR,WITNESS,martor\n");

    assertThat(list.toContract("MARTOR"))
        .isEqualTo(new CodeList.Lookup(CodeList.Status.MAPPED, "WITNESS", "martor"));
    assertThat(list.toNational("WITNESS").code()).isEqualTo("MARTOR");
  }

  @Test
  void emptyContractCellMarksAKnownNationalCodeWithoutEquivalent() {
    CodeList list =
        CodeList.parse(
            "role", "national,contract,note\nPARTE_CIVILA,,\"a civil claim, not a role\"\n");

    CodeList.Lookup lookup = list.toContract("PARTE_CIVILA");
    assertThat(lookup.status()).isEqualTo(CodeList.Status.UNMAPPED);
    assertThat(lookup.code()).isNull();
  }

  @Test
  void emptyNationalCellMarksAContractCodeWithoutNationalEquivalent() {
    CodeList list =
        CodeList.parse("role", "national,contract,note\n,APPROPRIATE_ADULT,no such role here\n");

    assertThat(list.toNational("APPROPRIATE_ADULT").status()).isEqualTo(CodeList.Status.UNMAPPED);
    assertThat(list.toNational("APPROPRIATE_ADULT").note()).isEqualTo("no such role here");
  }

  @Test
  void unknownCodesAreUnknownInBothDirections() {
    CodeList list = CodeList.parse("role", "national,contract,note\nA,B,\n");

    assertThat(list.toContract("B").status()).isEqualTo(CodeList.Status.UNKNOWN);
    assertThat(list.toNational("A").status()).isEqualTo(CodeList.Status.UNKNOWN);
  }

  @Test
  void firstRowWinsInEachDirection() {
    CodeList list =
        CodeList.parse(
            "stage",
            "national,contract,note\n"
                + "PROANAKRISI,INVESTIGATION,preferred\n"
                + "ANAKRISI,INVESTIGATION,also investigation\n"
                + "PROANAKRISI,REPORT,only used towards the national system\n");

    assertThat(list.toContract("ANAKRISI").code()).isEqualTo("INVESTIGATION");
    assertThat(list.toContract("PROANAKRISI").code()).isEqualTo("INVESTIGATION");
    assertThat(list.toNational("INVESTIGATION").code()).isEqualTo("PROANAKRISI");
    assertThat(list.toNational("REPORT").code()).isEqualTo("PROANAKRISI");
  }

  @Test
  void readsQuotedCellsCommentsBlankLinesAndCrLf() {
    CodeList list =
        CodeList.parse(
            "x",
            "\uFEFFnational,contract,note\r\n"
                + "# a comment\r\n"
                + "\r\n"
                + "\"art. 220\",0301,\"statutory rape, counted with \"\"rape\"\"\"\r\n"
                + "  art. 219 , 0302 ,trimmed\r\n");

    assertThat(list.toContract("art. 220").note())
        .isEqualTo("statutory rape, counted with \"rape\"");
    assertThat(list.toContract("art. 219").code()).isEqualTo("0302");
    assertThat(list.rows()).extracting(CodeList.Row::line).containsExactly(4, 5);
  }

  @Test
  void refusesAFileWithoutTheHeader() {
    assertThatThrownBy(() -> CodeList.parse("x", "A,B,note\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining(CodeList.HEADER);
  }

  @Test
  void refusesACodeWithoutEquivalentAndWithoutNote() {
    assertThatThrownBy(() -> CodeList.parse("x", "national,contract,note\nA,,\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("needs a note");
  }

  @Test
  void refusesARowWithTooManyCells() {
    assertThatThrownBy(() -> CodeList.parse("x", "national,contract,note\nA,B,c,d\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void refusesAnUnterminatedQuote() {
    assertThatThrownBy(() -> CodeList.parse("x", "national,contract,note\n\"A,B,c\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated");
  }
}

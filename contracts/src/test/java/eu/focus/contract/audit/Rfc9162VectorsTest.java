package eu.focus.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transparency-dev/merkle vector: the verifier accepts each happy path and rejects each case
 * marked {@code wantErr}. No file is skipped; a file the reader does not understand fails.
 */
class Rfc9162VectorsTest {

  static List<String> inclusionFiles() {
    return Rfc9162Vectors.files("inclusion");
  }

  static List<String> consistencyFiles() {
    return Rfc9162Vectors.files("consistency");
  }

  @Test
  void bothKindsOfVectorAreFoundWithAcceptedAndRejectedCases() {
    List<Rfc9162Vectors.Inclusion> inclusions =
        inclusionFiles().stream().map(Rfc9162Vectors::inclusion).toList();
    List<Rfc9162Vectors.Consistency> consistencies =
        consistencyFiles().stream().map(Rfc9162Vectors::consistency).toList();

    assertThat(inclusions).isNotEmpty().anyMatch(v -> !v.wantErr()).anyMatch(v -> v.wantErr());
    assertThat(consistencies).isNotEmpty().anyMatch(v -> !v.wantErr()).anyMatch(v -> v.wantErr());
  }

  @ParameterizedTest(name = "inclusion/{0}")
  @MethodSource("inclusionFiles")
  void inclusionVector(String file) {
    Rfc9162Vectors.Inclusion v = Rfc9162Vectors.inclusion(file);

    Verification result =
        MerkleProofs.verifyInclusion(
            v.leafIndex(), v.treeSize(), v.leafHash(), v.proof(), v.root());

    assertOutcome(result, v.wantErr());
  }

  @ParameterizedTest(name = "consistency/{0}")
  @MethodSource("consistencyFiles")
  void consistencyVector(String file) {
    Rfc9162Vectors.Consistency v = Rfc9162Vectors.consistency(file);

    Verification result =
        MerkleProofs.verifyConsistency(v.size1(), v.size2(), v.proof(), v.root1(), v.root2());

    assertOutcome(result, v.wantErr());
  }

  private static void assertOutcome(Verification result, boolean wantErr) {
    if (wantErr) {
      assertThat(result)
          .isInstanceOfSatisfying(
              Verification.Failed.class, failed -> assertThat(failed.detail()).isNotBlank());
    } else {
      assertThat(result).isEqualTo(Verification.verified());
    }
  }
}

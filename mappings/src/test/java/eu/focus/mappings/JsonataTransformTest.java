package eu.focus.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonataTransformTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Guards the work-around for jsonata-java issue #93 in {@link JsonataTransform#compile}: without
   * it, every run on the thread that built the expression hangs its frame under the next one, so
   * the shared expression keeps every earlier run (and its errors) alive. Reads a private field of
   * the library on purpose: when an upgrade renames it, this test says so.
   */
  @Test
  void runsDoNotAccumulateFramesOnTheSharedExpression() throws Exception {
    JsonataTransform transform =
        JsonataTransform.compile("t.jsonata", "{\"r\": $toContract('l', v, '/v')}", Map.of());
    CodeList list = CodeList.parse("l", "national,contract,note\nA,B,\n");
    int before = frameDepth(transform.expression());

    for (int i = 0; i < 50; i++) {
      MappingCall call = new MappingCall("t", Map.of("l", list));
      assertThat(transform.apply(JSON.readTree("{\"v\": \"A\"}"), call).toString())
          .isEqualTo("{\"r\":\"B\"}");
      assertThat(call.errors()).isEmpty();
    }

    assertThat(frameDepth(transform.expression())).isEqualTo(before);
  }

  @Test
  void refusesEvalBecauseTheLibraryEvaluatesItInTheWrongContext() {
    assertThatThrownBy(() -> JsonataTransform.compile("t.jsonata", "$eval('1 + 1')", Map.of()))
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("$eval is not allowed");
  }

  @Test
  void givesTheMappingTheSystemDescriptorAsSystem() throws Exception {
    JsonataTransform transform =
        JsonataTransform.compile("t.jsonata", "$system.agencyId", Map.of("agencyId", "ro-police"));
    MappingCall call = new MappingCall("t", Map.of());

    assertThat(transform.apply(JSON.readTree("{}"), call).asText()).isEqualTo("ro-police");
  }

  private static int frameDepth(Jsonata expression) throws ReflectiveOperationException {
    Field environment = Jsonata.class.getDeclaredField("environment");
    environment.setAccessible(true);
    Field parent = Jsonata.Frame.class.getDeclaredField("parent");
    parent.setAccessible(true);
    int depth = 0;
    for (Object frame = environment.get(expression); frame != null; frame = parent.get(frame)) {
      depth++;
    }
    return depth;
  }
}

package eu.focus.mappings;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One compiled JSONata mapping file. The parsed expression is shared by all threads; every run gets
 * its own frame with the {@code $toContract}, {@code $toNational} and {@code $mappingError}
 * functions bound to that run's {@link MappingCall}, so that errors from concurrent runs never mix.
 */
final class JsonataTransform {

  /** A mapping that runs longer than this is broken (an endless recursion), not slow. */
  static final long TIMEOUT_MILLIS = 5_000;

  /**
   * Nesting of JSONata evaluation. The shipped mappings stay below 100; the limit must stop a
   * runaway recursion before the Java stack does.
   */
  static final int MAX_DEPTH = 500;

  private static final Pattern EVAL = Pattern.compile("\\$eval\\s*\\(");

  private final String file;
  private final Jsonata expression;
  private final Map<String, Object> system;

  private JsonataTransform(String file, Jsonata expression, Map<String, Object> system) {
    this.file = file;
    this.expression = expression;
    this.system = system;
  }

  /**
   * Parses a mapping.
   *
   * @param file the file name, for messages
   * @param system what the mapping sees as {@code $system}
   * @throws MappingDefinitionException when the expression does not parse
   */
  static JsonataTransform compile(String file, String text, Map<String, Object> system) {
    if (EVAL.matcher(text).find()) {
      // dashjoin 0.9.9 evaluates $eval against whatever the thread evaluated last (jsonata-java
      // issue #90), which is wrong under concurrent load; mappings have no need for it.
      throw new MappingDefinitionException(file + ": $eval is not allowed in a mapping");
    }
    Jsonata expression;
    try {
      expression = Jsonata.jsonata(text);
    } catch (JException e) {
      throw new MappingDefinitionException(
          file + ": JSONata does not parse (" + e.getMessage() + ")", e);
    }
    if (expression.getErrors() != null && !expression.getErrors().isEmpty()) {
      throw new MappingDefinitionException(
          file + ": JSONata does not parse " + expression.getErrors());
    }
    // dashjoin 0.9.9 keeps the last expression built on a thread as that thread's evaluator and
    // lets evaluation overwrite its environment (jsonata-java issue #93). Building a throwaway
    // expression here keeps our shared one from ever being that evaluator, so its environment
    // stays the pristine parent of every run's frame.
    Jsonata.jsonata("$");
    return new JsonataTransform(file, expression, system);
  }

  /**
   * Runs the mapping. Problems are recorded in {@code call}.
   *
   * @return the result, or {@code null} when the mapping could not run to the end or produced
   *     nothing
   */
  JsonNode apply(JsonNode input, MappingCall call) {
    Jsonata.Frame frame = expression.createFrame();
    frame.bind("toContract", codeFunction(call, MappingCall.Direction.TO_CONTRACT));
    frame.bind("toNational", codeFunction(call, MappingCall.Direction.TO_NATIONAL));
    frame.bind("mappingError", errorFunction(call));
    frame.bind("system", system);
    frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
    Object result;
    try {
      result = expression.evaluate(JsonataValues.toJsonata(input), frame);
    } catch (JException e) {
      call.error("", null, file + " failed: " + e.getMessage());
      return null;
    } catch (RuntimeException e) {
      // A mapping that feeds a function the wrong type surfaces as a Java exception; it is still
      // a failed mapping of this payload, never a reason to break the caller.
      call.error("", null, file + " failed: " + e);
      return null;
    } catch (StackOverflowError e) {
      // Deep input can recurse further than MAX_DEPTH foresaw; the stack is unwound by now.
      call.error("", null, file + " failed: the mapping recursed too deeply");
      return null;
    }
    if (result == null) {
      call.error("", null, file + " produced nothing for this input");
      return null;
    }
    try {
      return JsonataValues.fromJsonata(result, "");
    } catch (IllegalArgumentException e) {
      call.error("", null, file + ": " + e.getMessage());
      return null;
    }
  }

  /** The shared parsed expression, for tests that guard the library's behaviour. */
  Jsonata expression() {
    return expression;
  }

  @SuppressWarnings("rawtypes")
  private static Jsonata.JFunction codeFunction(MappingCall call, MappingCall.Direction direction) {
    return new Jsonata.JFunction(
        (Object input, List args) -> {
          String list = JsonataValues.codeText(arg(args, 0));
          Object value = arg(args, 1);
          String field = JsonataValues.codeText(arg(args, 2));
          if (value instanceof Map || value instanceof List) {
            call.error(
                field,
                JsonataValues.fromJsonata(value, "").toString(),
                "expected one code for code list '" + list + "', found several values");
            return null;
          }
          return call.translate(direction, list, JsonataValues.codeText(value), field);
        },
        "<sx?s?:x>");
  }

  @SuppressWarnings("rawtypes")
  private static Jsonata.JFunction errorFunction(MappingCall call) {
    return new Jsonata.JFunction(
        (Object input, List args) -> {
          call.error(
              JsonataValues.codeText(arg(args, 0)),
              JsonataValues.codeText(arg(args, 1)),
              String.valueOf(JsonataValues.codeText(arg(args, 2))));
          return null;
        },
        "<sx?s:x>");
  }

  private static Object arg(List<?> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }
}

package eu.focus.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The contract's example documents (contracts/src/main/resources/focus/contract/v1/examples). */
public final class Examples {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Examples() {}

  /** The submission example whose file name starts with {@code number-}. */
  public static ObjectNode submission(String number) {
    return load(number + "-*.submission.json");
  }

  /** The consent example whose file name starts with {@code number-}. */
  public static ObjectNode consent(String number) {
    return load(number + "-*.consent.json");
  }

  /**
   * A golden inbound message of a national system (mappings module), with every UUID in it replaced
   * by one fresh UUID, so the same message can be submitted again as a new one.
   */
  public static String nationalMessage(String system, String goldenCase) {
    String folder = "focus/mappings/" + system + "/golden/inbound/" + goldenCase + "/";
    ClassLoader loader = Examples.class.getClassLoader();
    String path =
        java.util.stream.Stream.of("input.json", "input.xml", "input.csv")
            .map(name -> folder + name)
            .filter(p -> loader.getResource(p) != null)
            .findFirst()
            .orElse(folder + "input.json");
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No golden case " + path);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replaceAll(
              "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
              java.util.UUID.randomUUID().toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode load(String pattern) {
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:focus/contract/v1/examples/" + pattern);
      if (found.length != 1) {
        throw new IllegalArgumentException(found.length + " examples match " + pattern);
      }
      try (InputStream in = found[0].getInputStream()) {
        return (ObjectNode) JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

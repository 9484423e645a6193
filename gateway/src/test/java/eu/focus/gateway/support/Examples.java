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

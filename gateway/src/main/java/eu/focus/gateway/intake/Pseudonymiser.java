package eu.focus.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.gateway.config.FocusProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Derives the subject pseudonym that stands for a child in the audit log and in logs: an
 * HMAC-SHA256 (keyed by {@code focus.pseudonym.secret}) of the child's first national identifier,
 * so the same child gets the same pseudonym across records and agencies; without an identifier, of
 * the record id. The pseudonym cannot be reversed without the key.
 */
@Component
public class Pseudonymiser {

  private final SecretKeySpec key;

  public Pseudonymiser(FocusProperties props) {
    String secret = props.pseudonym().secret();
    if (secret == null || secret.length() < 16) {
      throw new IllegalStateException(
          "focus.pseudonym.secret (FOCUS_PSEUDONYM_SECRET) must be set to at least 16 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String pseudonymFor(JsonNode record) {
    JsonNode id = record.path("child").path("nationalIdentifiers").path(0);
    String basis =
        id.isMissingNode()
            ? "record|" + record.path("recordId").asText()
            : "id|"
                + id.path("country").asText().toUpperCase(Locale.ROOT)
                + "|"
                + id.path("system").asText()
                + "|"
                + id.path("value").asText().trim();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] h = mac.doFinal(basis.getBytes(StandardCharsets.UTF_8));
      return "psn-" + HexFormat.of().formatHex(h, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

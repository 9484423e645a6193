package eu.focus.adapters.connector;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.RouteTemplateContext;

/**
 * Builds the Camel endpoint URIs of the file exchange types ({@code file-connector}, {@code
 * file-drop}) from their template parameters: a {@code file:} directory, or an {@code sftp:}
 * directory with its login and host-key settings.
 *
 * <p>Secrets (password, key passphrase) go into the URI as {@code RAW(...)} values, which Camel
 * masks whenever it logs an endpoint URI. SFTP checks the server's host key by default ({@code
 * strictHostKeyChecking=yes}): the server's key must be in {@code knownHostsFile} (or, when that is
 * blank, in the gateway user's {@code ~/.ssh/known_hosts}).
 */
public final class FileEndpoints {

  /** The SFTP parameters both file types declare, with their defaults. */
  public static final Map<String, String> SFTP_PARAMETERS =
      Map.of(
          "username", "",
          "password", "",
          "privateKeyFile", "",
          "privateKeyPassphrase", "",
          "knownHostsFile", "",
          "strictHostKeyChecking", "yes");

  private FileEndpoints() {}

  /** True for an {@code sftp:} directory URI. */
  public static boolean isSftp(String directoryUri) {
    return directoryUri.startsWith("sftp:");
  }

  /**
   * The endpoint URI: the directory URI plus the given options, plus, for SFTP, the login and
   * host-key options taken from the template's parameters.
   *
   * @param options endpoint options; a value is used as is unless it is wrapped by {@link #raw}
   */
  public static String uri(
      RouteTemplateContext rtc,
      String directoryUri,
      int timeoutMillis,
      Map<String, String> options) {
    if (!directoryUri.startsWith("file:") && !isSftp(directoryUri)) {
      throw new IllegalArgumentException(
          "directoryUri must be a file: or sftp: URI, not " + directoryUri.split(":")[0]);
    }
    if (directoryUri.contains("?")) {
      throw new IllegalArgumentException(
          "directoryUri takes no options: use the template's parameters");
    }
    Map<String, String> all = new LinkedHashMap<>(options);
    if (isSftp(directoryUri)) {
      putIfSet(all, "username", param(rtc, "username"));
      String password = param(rtc, "password");
      if (!password.isBlank()) {
        all.put("password", raw(password));
      }
      putIfSet(all, "privateKeyFile", param(rtc, "privateKeyFile"));
      String passphrase = param(rtc, "privateKeyPassphrase");
      if (!passphrase.isBlank()) {
        all.put("privateKeyPassphrase", raw(passphrase));
      }
      String knownHosts = param(rtc, "knownHostsFile");
      if (!knownHosts.isBlank()) {
        all.put("knownHostsFile", knownHosts);
        all.put("useUserKnownHostsFile", "false");
      }
      all.put("strictHostKeyChecking", param(rtc, "strictHostKeyChecking"));
      all.put("connectTimeout", String.valueOf(timeoutMillis));
      all.put("timeout", String.valueOf(timeoutMillis));
      all.put("serverAliveInterval", "0");
    }
    StringBuilder uri = new StringBuilder(directoryUri);
    char sep = '?';
    for (Map.Entry<String, String> e : all.entrySet()) {
      uri.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = '&';
    }
    return uri.toString();
  }

  /** A value Camel takes literally (no URL decoding, no placeholders) and masks in logs. */
  public static String raw(String value) {
    return value.contains("}") ? "RAW(" + value + ")" : "RAW{" + value + "}";
  }

  private static String param(RouteTemplateContext rtc, String name) {
    String value = rtc.getProperty(name, String.class);
    return value == null ? "" : value.trim();
  }

  private static void putIfSet(Map<String, String> map, String key, String value) {
    if (!value.isBlank()) {
      map.put(key, value);
    }
  }
}

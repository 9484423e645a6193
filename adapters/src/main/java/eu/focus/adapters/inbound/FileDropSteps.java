package eu.focus.adapters.inbound;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.Exchange;

/** The steps of a {@link FileDropTemplate} route that are more than one expression. */
final class FileDropSteps {

  /** Exchange property: the text of the error report of a refused file. */
  static final String ERROR_REPORT = "FocusFileErrorReport";

  private static final String ORIGINAL_NAME = "FocusOriginalFileName";

  private FileDropSteps() {}

  /** Sets the message id: file name and the SHA-256 of its bytes. */
  static void identify(Exchange exchange) throws NoSuchAlgorithmException {
    byte[] content = exchange.getIn().getBody(byte[].class);
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    exchange
        .getIn()
        .setHeader(InboundHeaders.MESSAGE_ID, FileDropTemplate.fileName(exchange) + "/" + digest);
  }

  /**
   * Turns the refusal into the text of {@code error/<file name>.errors.txt}, kept in the exchange
   * property {@link #ERROR_REPORT} until the file was moved ({@link #toErrorFile}): the code, then
   * every error line as the gateway gave it (system, field, value, message).
   */
  static void errorReport(Exchange exchange) {
    InboxRejectedException refusal =
        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, InboxRejectedException.class);
    String name = FileDropTemplate.fileName(exchange);
    StringBuilder text = new StringBuilder();
    text.append("file: ").append(name).append('\n');
    text.append("code: ").append(refusal.code()).append('\n');
    text.append("message: ").append(refusal.getMessage()).append('\n');
    text.append("errors:\n");
    for (String error : refusal.errors()) {
      text.append(error).append('\n');
    }
    exchange.setProperty(ERROR_REPORT, text.toString());
  }

  /** Makes the message the error report, to be written as {@code error/<file name>.errors.txt}. */
  static void toErrorFile(Exchange exchange) {
    String name = FileDropTemplate.fileName(exchange);
    exchange.setProperty(ORIGINAL_NAME, name);
    exchange.getIn().setBody(exchange.getProperty(ERROR_REPORT, String.class));
    exchange.getIn().setHeader(Exchange.FILE_NAME, "error/" + name + ".errors.txt");
  }

  /** Puts the read file's name back after the error report was written. */
  static void restoreFileName(Exchange exchange) {
    exchange.getIn().setHeader(Exchange.FILE_NAME, exchange.getProperty(ORIGINAL_NAME));
  }
}

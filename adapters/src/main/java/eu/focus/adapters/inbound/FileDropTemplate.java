package eu.focus.adapters.inbound;

import eu.focus.adapters.connector.FileEndpoints;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * The file drop inbound type: a national system that exports files (CSV, XML) into a directory,
 * local ({@code file:}) or on an SFTP server ({@code sftp:}).
 *
 * <p>Every {@code pollDelayMillis} the route lists the directory (not its subfolders) for names
 * matching {@code include}, and hands each file's text to the {@link InboxStep} with message id
 * {@code <file name>/<SHA-256 of the content, hex>}: the same file read again is a duplicate the
 * gateway drops, while a new export under an old name is a new message. Then:
 *
 * <ul>
 *   <li>accepted: the file is moved to {@code done/};
 *   <li>refused ({@link InboxRejectedException}): the file is moved to {@code error/}, then {@code
 *       error/<file name>.errors.txt} lists the code and every error line (system, field, value,
 *       message), for the national system's operators. The report is written only once the file is
 *       in {@code error/}, under a temporary name ({@code .<file name>.errors.txt}) renamed when
 *       complete: whoever sees the report finds the refused file beside it. Should the report not
 *       be writable, the file stays in {@code error/} and the failure is logged;
 *   <li>any other failure (the gateway cannot store it now): the file stays where it is, the
 *       failure is logged with the file name, and the file is read again at a later poll until it
 *       is accepted or refused.
 * </ul>
 *
 * <p>What the national system must do: write each file under a name that does not match {@code
 * include} (e.g. {@code export-0815.csv.tmp}) and rename it when complete; renaming is atomic on
 * one file system and on SFTP. As a second guard the route takes a file only after its size and
 * modification time stayed the same for {@code readLockCheckIntervalMillis} ({@code
 * readLock=changed}). A file is never handed over twice in a run: it is moved away once dealt with,
 * and an in-memory guard keyed by name, size and modification time skips it until then.
 *
 * <p>Template parameters:
 *
 * <ul>
 *   <li>{@code systemId}: the national system's id (set by {@code ConnectorRegistry})
 *   <li>{@code directoryUri}: {@code file:/var/focus/in/hu-pfsz} or {@code
 *       sftp://sftp.example.hu:22/export} (no options: they come from the parameters)
 *   <li>{@code include}: regular expression the file name must match. Default {@code .*\.(csv|xml)}
 *   <li>{@code charset}: the files' charset. Default {@code UTF-8}
 *   <li>{@code pollDelayMillis}: time between two listings. Default 5000
 *   <li>{@code readLockCheckIntervalMillis}: how long a file must stay unchanged before it is read.
 *       Default 1000
 *   <li>{@code timeoutMillis}: SFTP only, connect and read timeout. Default 10000
 *   <li>{@code username}, {@code password}, {@code privateKeyFile}, {@code privateKeyPassphrase},
 *       {@code knownHostsFile}, {@code strictHostKeyChecking}: SFTP only, as for {@code
 *       file-connector}; secrets are values the gateway resolved from a secret, never logged. Host
 *       keys are checked by default ({@code strictHostKeyChecking=yes})
 * </ul>
 */
public class FileDropTemplate extends RouteBuilder {

  /** The template id used in system files and by {@code ConnectorRegistry.registerInbound}. */
  public static final String TEMPLATE_ID = "file-drop";

  /**
   * Exchange property: the folder the file goes to once dealt with ({@code done}/{@code error}).
   */
  static final String OUTCOME = "FocusFileOutcome";

  @Override
  public void configure() {
    RouteTemplateDefinition template =
        routeTemplate(TEMPLATE_ID)
            .templateParameter("systemId")
            .templateParameter("directoryUri")
            .templateParameter("include", ".*\\.(csv|xml)")
            .templateParameter("charset", "UTF-8")
            .templateParameter("pollDelayMillis", "5000")
            .templateParameter("readLockCheckIntervalMillis", "1000")
            .templateParameter("timeoutMillis", "10000");
    FileEndpoints.SFTP_PARAMETERS.forEach(template::templateParameter);
    template
        .templateBean("sourceEndpoint", Endpoint.class, FileDropTemplate::source)
        .templateBean("errorsEndpoint", Endpoint.class, FileDropTemplate::errors)
        .from("ref:{{sourceEndpoint}}")
        .routeId("inbound-{{systemId}}")
        // After the consumer's own completion, i.e. after the file was moved to error/: a reader
        // who sees the explanation finds the refused file beside it.
        .onCompletion()
        .onCompleteOnly()
        .onWhen(exchangeProperty(FileDropSteps.ERROR_REPORT).isNotNull())
        .process(FileDropSteps::toErrorFile)
        .to("ref:{{errorsEndpoint}}")
        .process(FileDropSteps::restoreFileName)
        .log(
            LoggingLevel.WARN,
            "eu.focus.adapters.inbound.FileDrop",
            "File drop of {{systemId}}: ${header.CamelFileName} refused, moved to error/")
        .end()
        .onException(InboxRejectedException.class)
        .handled(true)
        .setProperty(OUTCOME, constant("error"))
        .process(FileDropSteps::errorReport)
        .end()
        .setProperty(OUTCOME, constant("done"))
        .setHeader(InboundHeaders.SYSTEM_ID, constant("{{systemId}}"))
        .process(FileDropSteps::identify)
        .process(new InboxStep())
        .log(
            LoggingLevel.INFO,
            "eu.focus.adapters.inbound.FileDrop",
            "File drop of {{systemId}}: ${header.CamelFileName} handed over");
  }

  private static Endpoint source(RouteTemplateContext rtc) {
    int interval = rtc.getProperty("readLockCheckIntervalMillis", Integer.class);
    Map<String, String> options = new LinkedHashMap<>();
    options.put("include", FileEndpoints.raw(rtc.getProperty("include", String.class)));
    options.put("charset", rtc.getProperty("charset", String.class));
    options.put("delay", rtc.getProperty("pollDelayMillis", String.class));
    options.put("readLock", "changed");
    options.put("readLockCheckInterval", String.valueOf(interval));
    options.put("readLockTimeout", String.valueOf(Math.max(10_000, interval * 5)));
    options.put("move", "${exchangeProperty." + OUTCOME + "}/${file:name}");
    options.put("idempotent", "true");
    options.put("idempotentKey", "${file:name}-${file:size}-${file:modified}");
    return endpoint(rtc, options);
  }

  private static Endpoint errors(RouteTemplateContext rtc) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("fileExist", "Override");
    options.put("charset", "UTF-8");
    // written as error/.<name>.errors.txt, then renamed: the report appears whole
    options.put("tempPrefix", ".");
    return endpoint(rtc, options);
  }

  private static Endpoint endpoint(RouteTemplateContext rtc, Map<String, String> options) {
    return rtc.getCamelContext()
        .getEndpoint(
            FileEndpoints.uri(
                rtc,
                rtc.getProperty("directoryUri", String.class),
                rtc.getProperty("timeoutMillis", Integer.class),
                options));
  }

  /** The file's name as the consumer read it. */
  static String fileName(Exchange exchange) {
    return exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
  }
}

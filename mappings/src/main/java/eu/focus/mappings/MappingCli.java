package eu.focus.mappings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractValidator;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a mapping from the command line, so that an integrator can try a national payload against a
 * mapping folder without starting the gateway.
 *
 * <pre>
 * map inbound  &lt;system-id&gt; &lt;file&gt; [--systems &lt;dir&gt;]   national payload → contract submission
 * map outbound &lt;system-id&gt; &lt;file&gt; [--systems &lt;dir&gt;]   delivery message → national payload
 * systems [--systems &lt;dir&gt;]                             list the systems and their versions
 * </pre>
 *
 * <p>Without {@code --systems} the systems on the classpath are used. The mapped document goes to
 * stdout (exit 0); otherwise every error goes to stderr, one tab-separated line {@code system field
 * value message} each (exit 2). Wrong arguments exit 64, a broken system folder 65.
 */
public final class MappingCli {

  /** The document was mapped. */
  public static final int OK = 0;

  /** The payload could not be mapped; the errors are on stderr. */
  public static final int MAPPING_ERRORS = 2;

  /** The command line is wrong (EX_USAGE of sysexits.h). */
  public static final int USAGE = 64;

  /** A system folder is broken (EX_DATAERR of sysexits.h). */
  public static final int BROKEN_SYSTEM = 65;

  static final String USAGE_TEXT =
      """
      usage: map <inbound|outbound> <system-id> <file> [--systems <dir>]
             systems [--systems <dir>]
        inbound   national payload in <file> -> contract submission on stdout
        outbound  delivery message in <file> -> national payload on stdout
        --systems load the national systems from <dir> instead of the classpath
      exit: 0 mapped, 2 mapping errors (one per line on stderr: system field value message),
            64 usage, 65 broken system folder""";

  private MappingCli() {}

  public static void main(String[] args) {
    // stderr carries one error per line for scripts; keep SLF4J's "no provider" notice off it.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * Runs one command.
   *
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> positional = new ArrayList<>();
    Path systemsDir = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--systems")) {
        if (i + 1 >= args.length) {
          return usage(err, "--systems needs a directory");
        }
        systemsDir = Path.of(args[++i]);
      } else if (args[i].equals("--help") || args[i].equals("-h")) {
        out.println(USAGE_TEXT);
        return OK;
      } else if (args[i].startsWith("--")) {
        return usage(err, "unknown option " + args[i]);
      } else {
        positional.add(args[i]);
      }
    }
    if (positional.isEmpty()) {
      return usage(err, "no command");
    }
    String command = positional.get(0);
    if (command.equals("systems") && positional.size() == 1) {
      return listSystems(systemsDir, out, err);
    }
    if (!command.equals("map")) {
      return usage(err, "unknown command '" + command + "'");
    }
    if (positional.size() != 4) {
      return usage(err, "map needs a direction, a system id and a file");
    }
    String direction = positional.get(1);
    if (!direction.equals("inbound") && !direction.equals("outbound")) {
      return usage(err, "the direction must be inbound or outbound, not '" + direction + "'");
    }
    String systemId = positional.get(2);
    Path file = Path.of(positional.get(3));
    String payload;
    try {
      payload = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return usage(err, "cannot read " + file + ": " + e.getMessage());
    }
    Mapping mapping;
    try {
      mapping = new Mapping(registry(systemsDir), ContractValidator.load());
    } catch (MappingDefinitionException e) {
      err.println(e.getMessage());
      return BROKEN_SYSTEM;
    }
    if (mapping.registry().system(systemId).isEmpty()) {
      return usage(
          err, "unknown system '" + systemId + "'; known: " + mapping.registry().systemIds());
    }
    if (direction.equals("inbound")) {
      MappingResult<ObjectNode> result = mapping.inbound(systemId, payload);
      if (!result.isSuccess()) {
        return errors(result, err);
      }
      try {
        out.println(Mapping.prettyWriter(new ObjectMapper()).writeValueAsString(result.value()));
      } catch (JsonProcessingException e) {
        err.println("cannot print the submission: " + e.getOriginalMessage());
        return MAPPING_ERRORS;
      }
      return OK;
    }
    MappingResult<String> result = mapping.outbound(systemId, payload);
    if (!result.isSuccess()) {
      return errors(result, err);
    }
    out.println(result.value());
    return OK;
  }

  private static int listSystems(Path systemsDir, PrintStream out, PrintStream err) {
    MappingRegistry registry;
    try {
      registry = registry(systemsDir);
    } catch (MappingDefinitionException e) {
      err.println(e.getMessage());
      return BROKEN_SYSTEM;
    }
    for (NationalSystem system : registry.systems()) {
      out.println(
          String.join(
              "\t",
              system.mappingVersionTag(),
              system.format().name().toLowerCase(),
              system.agencyId(),
              system.name()));
    }
    return OK;
  }

  private static MappingRegistry registry(Path systemsDir) {
    return systemsDir == null ? MappingRegistry.load() : MappingRegistry.loadFrom(systemsDir);
  }

  private static int errors(MappingResult<?> result, PrintStream err) {
    result.errors().forEach(error -> err.println(error.toLine()));
    return MAPPING_ERRORS;
  }

  private static int usage(PrintStream err, String problem) {
    err.println(problem);
    err.println(USAGE_TEXT);
    return USAGE;
  }
}

package io.newswire.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newswire} command: the pipeline on one machine, and tools to look into it. */
@Command(name = "newswire",
    mixinStandardHelpOptions = true,
    versionProvider = Newswire.Version.class,
    description = "Event-streaming news ingestion: ingest, enrich, store.",
    subcommands = {UpCommand.class, StatusCommand.class, PushCommand.class, TailCommand.class,
        TagCommand.class, EvalCommand.class, BenchCommand.class, IngestCommand.class,
        EnrichCommand.class,
        SinkCommand.class,
        CommandLine.HelpCommand.class})
public final class Newswire {

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Newswire.class.getPackage().getImplementationVersion();
      return new String[] {"newswire " + (version == null ? "(development)" : version)};
    }
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line, with what the user gave it that is wrong answered by one line instead of
   * a stack trace: a file that is missing or cannot be read, or an argument refused with a
   * message (a gazetteer dump that is not one, for example).
   */
  static CommandLine commandLine() {
    return new CommandLine(new Newswire()).setExecutionExceptionHandler((e, line, parsed) -> {
      String problem = e instanceof NoSuchFileException missing
          ? "no such file: " + missing.getFile()
          : e instanceof AccessDeniedException denied
          ? "not allowed to read: " + denied.getFile()
          : e instanceof NotDirectoryException notDirectory
          ? "not a directory: " + notDirectory.getFile()
          : e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
          : null;
      if (problem == null) {
        throw e;
      }
      line.getErr().printf("newswire %s: %s%n", line.getCommandName(), problem);
      return line.getCommandSpec().exitCodeOnExecutionException();
    });
  }
}

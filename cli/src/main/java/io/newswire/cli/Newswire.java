package io.newswire.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
   * The command line, with a file that is missing or cannot be read answered by one line naming
   * it instead of a stack trace.
   */
  static CommandLine commandLine() {
    return new CommandLine(new Newswire()).setExecutionExceptionHandler((e, line, parsed) -> {
      String problem = e instanceof NoSuchFileException ? "no such file"
          : e instanceof AccessDeniedException ? "not allowed to read"
          : e instanceof NotDirectoryException ? "not a directory"
          : null;
      if (problem == null) {
        throw e;
      }
      line.getErr().printf("newswire %s: %s: %s%n", line.getCommandName(), problem,
          ((FileSystemException) e).getFile());
      return line.getCommandSpec().exitCodeOnExecutionException();
    });
  }
}

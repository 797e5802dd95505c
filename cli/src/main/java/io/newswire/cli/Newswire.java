package io.newswire.cli;

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
    System.exit(new CommandLine(new Newswire()).execute(args));
  }
}

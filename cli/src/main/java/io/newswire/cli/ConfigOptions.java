package io.newswire.cli;

import io.newswire.schemas.config.ConfigSources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration options every command takes: a properties file and {@code -D key=value}
 * settings, merged over {@code NEWSWIRE_*} environment variables.
 */
final class ConfigOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Properties file with settings (overridden by NEWSWIRE_* variables and -D).")
  Path file;

  @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
      description = "A setting, overriding the file and the environment.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** The settings from every source, the command's own flags last. */
  Map<String, String> load(Map<String, String> commandFlags) {
    Map<String, String> flags = new LinkedHashMap<>(settings);
    flags.putAll(commandFlags);
    return ConfigSources.load(file, System.getenv(), flags);
  }
}

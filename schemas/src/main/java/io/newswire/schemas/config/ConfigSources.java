package io.newswire.schemas.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;

/**
 * Gathers configuration from its sources, each overriding the one before: the defaults of each
 * config class, a properties file, {@code NEWSWIRE_*} environment variables, command-line flags.
 *
 * <p>An environment variable names a key in upper case with dots as underscores:
 * {@code NEWSWIRE_SCHEMA_REGISTRY_URL} sets {@code schema.registry.url}.
 */
public final class ConfigSources {
  /** Prefix of the environment variables that set configuration. */
  public static final String ENV_PREFIX = "NEWSWIRE_";

  private ConfigSources() {
  }

  /**
   * The merged settings; the defaults are applied later, by each config class.
   *
   * @param file a properties file, or null for none
   * @param env the environment, usually {@code System.getenv()}
   * @param flags settings given on the command line
   * @throws ConfigException when the file cannot be read
   */
  public static Map<String, String> load(Path file, Map<String, String> env,
      Map<String, String> flags) {
    Map<String, String> merged = new HashMap<>();
    if (file != null) {
      merged.putAll(readProperties(file));
    }
    merged.putAll(fromEnvironment(env));
    merged.putAll(flags);
    return merged;
  }

  /** The settings named by {@code NEWSWIRE_*} variables, as config keys. */
  public static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> settings = new HashMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
        settings.put(keyOf(name), value);
      }
    });
    return settings;
  }

  /** {@code NEWSWIRE_SCHEMA_REGISTRY_URL} to {@code schema.registry.url}. */
  public static String keyOf(String environmentVariable) {
    return environmentVariable.substring(ENV_PREFIX.length())
        .toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static Map<String, String> readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> settings = new HashMap<>();
    properties.stringPropertyNames()
        .forEach(key -> settings.put(key, properties.getProperty(key).trim()));
    return settings;
  }
}

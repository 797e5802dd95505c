package io.newswire.schemas;

import java.util.Map;
import java.util.Objects;

/**
 * How a topic is to be created: its partitions and topic-level configs. The replication factor is
 * decided by whoever provisions it, from the cluster size.
 *
 * @param name topic name
 * @param partitions partition count, at least 1
 * @param configs topic-level configs such as {@code cleanup.policy} and {@code retention.ms}
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions of " + name + " must be >= 1, was "
          + partitions);
    }
    configs = Map.copyOf(configs);
  }
}

package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.platform.EmbeddedPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What {@code up} does on a real broker before its services start: the members that a killed
 * earlier run left in a group are removed, so that the new run's consumer gets its partitions at
 * once instead of after their session timeout.
 */
class StandalonePipelineIT {
  private static final String TOPIC = "newswire.articles.raw";

  @Test
  @Timeout(120)
  void shouldReleaseTheGroupMembersOfAnEarlierRun() throws Exception {
    try (EmbeddedPlatform platform = EmbeddedPlatform.startForTests(List.of())) {
      String servers = platform.bootstrapServers();
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          servers))) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 2,
            (short) 1))).all().get(30, TimeUnit.SECONDS);
        // A consumer that stops without leaving, as a killed process does.
        KafkaConsumer<String, String> earlier = consumer(servers);
        awaitAssignment(earlier, Duration.ofSeconds(30));
        earlier.close(CloseOptions.groupMembershipOperation(
            CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
        assertThat(members(admin)).isEqualTo(1);

        StandalonePipeline.releaseGroupsOfLastRun(servers, List.of("sink", "never-started"));

        assertThat(members(admin)).isZero();
        try (KafkaConsumer<String, String> next = consumer(servers)) {
          // The earlier member's session has 45 s to run.
          assertThat(awaitAssignment(next, Duration.ofSeconds(20))).isTrue();
        }
      }
    }
  }

  private static KafkaConsumer<String, String> consumer(String servers) {
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        ConsumerConfig.GROUP_ID_CONFIG, "sink",
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45_000),
        new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(TOPIC));
    return consumer;
  }

  private static boolean awaitAssignment(KafkaConsumer<String, String> consumer,
      Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200));
    }
    return !consumer.assignment().isEmpty();
  }

  private static int members(Admin admin) throws Exception {
    return admin.describeConsumerGroups(List.of("sink")).all().get(30, TimeUnit.SECONDS)
        .get("sink").members().size();
  }
}

package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class HttpHostTest {
  @Test
  void storeMetricsOfEveryKindOfStoreReachPrometheus() {
    PrometheusMeterRegistry registry = HttpHost.newMeterRegistry();
    // As Kafka Streams names them: one metric, tagged by the key-value store and the window store.
    Gauge.builder("kafka.stream.state.estimate.num.keys", () -> 3)
        .tags(Tags.of("rocksdb.state.id", "article-versions", "task.id", "0_0"))
        .register(registry);
    Gauge.builder("kafka.stream.state.estimate.num.keys", () -> 5)
        .tags(Tags.of("rocksdb.window.state.id", "content-hashes", "task.id", "0_0"))
        .register(registry);
    Gauge.builder("kafka.stream.thread.commit.rate", () -> 1)
        .tags(Tags.of("thread.id", "t-1")).register(registry);

    assertThat(registry.scrape()).contains(
        "kafka_stream_state_estimate_num_keys{state_id=\"article-versions\",task_id=\"0_0\"} 3.0",
        "kafka_stream_state_estimate_num_keys{state_id=\"content-hashes\",task_id=\"0_0\"} 5.0",
        "kafka_stream_thread_commit_rate{thread_id=\"t-1\"} 1.0");
  }
}

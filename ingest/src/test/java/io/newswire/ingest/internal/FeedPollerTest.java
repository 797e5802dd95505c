package io.newswire.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.avro.ArticleFormat;
import io.newswire.avro.RawArticle;
import io.newswire.schemas.Fixtures;
import io.newswire.schemas.registry.MockSchemaRegistry;
import io.newswire.schemas.serde.AvroSerdeConfig;
import io.newswire.schemas.serde.SpecificAvroSerde;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FeedPollerTest {
  @TempDir
  Path stateDir;
  private HttpServer server;
  private final AtomicReference<String> served = new AtomicReference<>("rss.xml");
  private final AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
  private final List<String> conditionalRequests = new CopyOnWriteArrayList<>();
  private MockProducer<String, RawArticle> producer;
  private final String scope = "poller-" + UUID.randomUUID();

  @BeforeEach
  void serveFeeds() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/feed", exchange -> {
      String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
      if (ifNoneMatch != null) {
        conditionalRequests.add(ifNoneMatch);
      }
      if (etag.get() != null && etag.get().equals(ifNoneMatch)) {
        exchange.sendResponseHeaders(304, -1);
        exchange.close();
        return;
      }
      byte[] body = Fixtures.bytes(served.get());
      if (etag.get() != null) {
        exchange.getResponseHeaders().add("ETag", etag.get());
      }
      exchange.getResponseHeaders().add("Content-Type", "application/xml");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    producer = new MockProducer<>(true, null, new StringSerializer(),
        SpecificAvroSerde.configured(RawArticle.class,
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false).serializer());
  }

  @AfterEach
  void stop() {
    server.stop(0);
    MockSchemaRegistry.drop(scope);
  }

  private PolledFeed feed() {
    return new PolledFeed("wire", URI.create("http://127.0.0.1:" + server.getAddress().getPort()
        + "/feed"), Duration.ofMinutes(5));
  }

  private FeedPoller poller() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ArticleIntake intake = new ArticleIntake(new ArticlePublisher(producer, "raw"),
        new RecentArticles(0), Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(5),
        meters);
    return new FeedPoller(List.of(feed()), intake,
        PollState.load(stateDir.resolve("poll-state.json")), Duration.ofMinutes(1),
        Clock.systemUTC(), meters);
  }

  @Test
  void shouldPublishEachRssItemAndAskConditionallyNextTime() {
    try (FeedPoller poller = poller()) {
      int first = poller.pollOnce(feed());
      int second = poller.pollOnce(feed());

      assertThat(first).isEqualTo(2);
      assertThat(second).isZero();
      assertThat(conditionalRequests).containsExactly("\"v1\"");
      RawArticle item = producer.history().get(0).value();
      assertThat(item.getFormat()).isEqualTo(ArticleFormat.RSS_ITEM);
      assertThat(item.getGuid()).isEqualTo("rss-umm-qasr-1");
      assertThat(item.getHeadline()).isEqualTo("Umm Qasr berths reopen");
      assertThat(item.getSection()).isEqualTo("Economy");
      assertThat(item.getFeedId()).isEqualTo("wire");
      assertThat(poller.statuses().get(0).state()).isEqualTo(FeedPoller.State.UP);
    }
  }

  @Test
  void shouldNotRepublishItemsAfterRestart() {
    try (FeedPoller poller = poller()) {
      poller.pollOnce(feed());
    }
    etag.set(null);

    try (FeedPoller restarted = poller()) {
      int published = restarted.pollOnce(feed());

      assertThat(published).isZero();
      assertThat(producer.history()).hasSize(2);
    }
  }

  @Test
  void shouldPublishAtomEntryAgainWhenItIsUpdated() {
    served.set("atom.xml");
    etag.set(null);
    try (FeedPoller poller = poller()) {
      assertThat(poller.pollOnce(feed())).isEqualTo(1);
      assertThat(poller.pollOnce(feed())).as("unchanged").isZero();
      RawArticle entry = producer.history().get(0).value();
      assertThat(entry.getFormat()).isEqualTo(ArticleFormat.ATOM_ENTRY);
      assertThat(entry.getGuid()).isEqualTo("urn:example:gulf:airport-doha");
    }
  }

  @Test
  void shouldRefuseEntityExpansionAndExternalEntitiesAndReportTheFeedFailing() {
    etag.set(null);
    try (FeedPoller poller = poller()) {
      for (String hostile : new String[] {"billion-laughs.xml", "external-entity.xml"}) {
        served.set(hostile);

        assertThatThrownBy(() -> poller.pollOnce(feed())).as(hostile)
            .hasMessageContaining("DOCTYPE");
      }

      FeedPoller.Status status = poller.statuses().get(0);
      assertThat(status.state()).isEqualTo(FeedPoller.State.FAILING);
      assertThat(status.consecutiveFailures()).isEqualTo(2);
      assertThat(status.lastError()).contains("DOCTYPE");
      assertThat(producer.history()).isEmpty();

      served.set("rss.xml");
      assertThat(poller.pollOnce(feed())).isEqualTo(2);
      assertThat(poller.statuses().get(0).state()).isEqualTo(FeedPoller.State.UP);
    }
  }
}

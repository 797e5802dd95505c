package io.newswire.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.avro.ArticleFormat;
import io.newswire.schemas.Fixtures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleParserTest {
  private static final MediaType JSON = MediaType.parse("application/json");
  private final ArticleParser parser = new ArticleParser(new ObjectMapper());

  private IncomingArticle json(String fixture) {
    return parser.parse(JSON, Fixtures.bytes(fixture), Map.of());
  }

  @Test
  void shouldReadFlatNinjs1() {
    IncomingArticle article = json("ninjs1.json");

    assertThat(article.format()).isEqualTo(ArticleFormat.NINJS);
    assertThat(article.guid()).isEqualTo("urn:newsml:example.org:20170305:port-reopens");
    assertThat(article.headline()).isEqualTo("Dredging reopens Umm Qasr berths");
    assertThat(article.byline()).isEqualTo("Layla Hassan");
    assertThat(article.feedVersion()).isEqualTo(2L);
    assertThat(article.versionTime()).isEqualTo(Instant.parse("2017-03-05T11:00:00Z"));
    assertThat(article.published()).isEqualTo(Instant.parse("2017-03-05T09:30:00Z"));
    assertThat(article.pubStatus()).isEqualTo("usable");
    assertThat(article.identityText()).contains("months of dredging");
    assertThat(article.fields()).containsEntry("urgency", "3").containsEntry("type", "text");
  }

  @Test
  void shouldReadNinjs2HeadlinesAndHtmlBodiesByRole() {
    IncomingArticle article = json("ninjs2.json");

    assertThat(article.headline()).isEqualTo("Australian grain due at Basra next month");
    assertThat(article.identityText()).contains("Grain shipments from Australia are expected")
        .doesNotContain("<b>");
    assertThat(article.byline()).isEqualTo("Layla Hassan");
    assertThat(article.versionTime()).isEqualTo(Instant.parse("2017-03-06T05:00:00Z"));
  }

  @Test
  void shouldReadCamelCaseNinjs3() {
    IncomingArticle article = json("ninjs3.json");

    assertThat(article.headline()).isEqualTo("Ferry service to Kuwait resumes");
    assertThat(article.byline()).isEqualTo("Omar Saleh");
    assertThat(article.pubStatus()).isEqualTo("usable");
    assertThat(article.feedVersion()).isEqualTo(4L);
    assertThat(article.versionTime()).isEqualTo(Instant.parse("2017-03-07T10:15:00Z"));
    assertThat(article.published()).isEqualTo(Instant.parse("2017-03-07T07:00:00Z"));
  }

  @Test
  void shouldKeepCanceledPubStatusOfWithdrawnArticle() {
    assertThat(json("ninjs-canceled.json").pubStatus()).isEqualTo("canceled");
  }

  @Test
  void shouldReadSimpleForm() {
    IncomingArticle article = json("simple.json");

    assertThat(article.format()).isEqualTo(ArticleFormat.SIMPLE_JSON);
    assertThat(article.guid()).isEqualTo("port-2017-03-08");
    assertThat(article.section()).isEqualTo("Economy");
    assertThat(article.language()).isEqualTo("en");
    assertThat(article.published()).isEqualTo(Instant.parse("2017-03-08T06:00:00Z"));
  }

  @Test
  void shouldUseUrlAsGuidOfSimpleArticleWithoutOne() {
    IncomingArticle article = parser.parse(JSON,
        "{\"headline\":\"h\",\"body\":\"b\",\"url\":\"https://x.example/a\"}".getBytes(),
        Map.of());

    assertThat(article.guid()).isEqualTo("https://x.example/a");
  }

  @Test
  void shouldTakeIdentityHintsForTextFromQueryParameters() {
    IncomingArticle article = parser.parse(MediaType.parse("text/plain"), "Body".getBytes(),
        Map.of("guid", "g-1", "version", "3"));

    assertThat(article.guid()).isEqualTo("g-1");
    assertThat(article.feedVersion()).isEqualTo(3L);
    assertThatThrownBy(() -> parser.parse(MediaType.parse("text/plain"), "Body".getBytes(),
        Map.of("version", "three")))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.field()).isEqualTo("version"));
  }

  @Test
  void shouldReadCanonicalUrlOfHtmlPage() {
    IncomingArticle article = parser.parse(MediaType.parse("text/html"),
        Fixtures.bytes("article.html"), Map.of());

    assertThat(article.guid()).isEqualTo("https://news.example.org/basra-airport-doha");
    assertThat(article.identityText()).contains("three weekly flights to Doha");
  }

  @Test
  void shouldDecodeDeclaredCharset() {
    byte[] latin1 = "Caf\u00e9 in Basra".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    IncomingArticle article = parser.parse(MediaType.parse("text/plain; charset=ISO-8859-1"),
        latin1, Map.of());

    assertThat(article.identityText()).isEqualTo("Caf\u00e9 in Basra");
    assertThatThrownBy(() -> MediaType.parse("text/plain; charset=klingon"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}

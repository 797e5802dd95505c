package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.avro.ArticleFormat;
import io.newswire.avro.Caption;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.MentionedDate;
import io.newswire.avro.NamedEntity;
import io.newswire.avro.RawArticle;
import io.newswire.enrich.PlaceTagger;
import io.newswire.schemas.Fixtures;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleEnricherTest {
  private static ArticleEnricher enricher;

  @BeforeAll
  static void buildOnce() {
    enricher = new ArticleEnricher(new LanguageIdentifier(), PlaceTagger.none(), "test",
        Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));
  }

  static RawArticle raw(ArticleFormat format, String contentType, byte[] content) {
    return RawArticle.newBuilder().setId("a").setVersion(1).setFeedId("f")
        .setReceivedAt(Instant.parse("2020-01-01T00:00:00Z")).setFormat(format)
        .setContentType(contentType).setContent(ByteBuffer.wrap(content)).build();
  }

  static EnrichedArticle text(byte[] content) {
    return enricher.enrich(raw(ArticleFormat.TEXT, "text/plain; charset=utf-8", content));
  }

  @Test
  void shouldReadStructureOfFirstSeed() throws Exception {
    Path seed = Fixtures.seeds().get(0);

    EnrichedArticle article = text(Files.readAllBytes(seed));

    System.out.println(article);
    assertThat(article.getSection()).isEqualTo("Iraq News");
    assertThat(article.getCategory()).isEqualTo("Terrorism");
    assertThat(article.getHeadline())
        .isEqualTo("Advancing troops embolden resistance to ISIL inside Mosul");
    assertThat(article.getBylines()).containsExactly("Khalid al-Taie");
    assertThat(article.getCaptions()).hasSize(1);
    Caption caption = article.getCaptions().get(0);
    assertThat(caption.getText()).isEqualTo("The letter \"M\" for muqawama (resistance) is"
        + " scrawled on al-Zuhoor middle school in Mosul.");
    assertThat(caption.getCredit()).isEqualTo("Photo courtesy of the Ninawa Centre for"
        + " Information");
    assertThat(article.getSubheadings())
        .containsExactly("Campaign 'M'", "'Big surprises' for ISIL");
    assertThat(article.getBody()).startsWith("Grassroots resistance groups battling")
        .endsWith("the people of Mosul will do the same.")
        .doesNotContain("Do you like this article", "Comment", "[Photo courtesy");
    assertThat(article.getLanguage()).isEqualTo("en");
    assertThat(article.getLanguageConfidence()).isGreaterThan(0.5);
    assertThat(article.getMentionedDates()).extracting(MentionedDate::getText)
        .contains("Tuesday (November 1st)");
    assertThat(article.getPeople()).extracting(NamedEntity::getName)
        .contains("Abu Omar", "Duraid Hikmat", "Ali Khudhair");
    assertThat(article.getOrganisations()).extracting(NamedEntity::getName)
        .contains("Mosul Liberation Cells");
  }

  @Test
  void shouldReadStructureOfSecondSeed() throws Exception {
    Path seed = Fixtures.seeds().get(1);

    EnrichedArticle article = text(Files.readAllBytes(seed));

    System.out.println(article);
    assertThat(article.getSection()).isEqualTo("Iraq News");
    assertThat(article.getCategory()).isEqualTo("Security");
    assertThat(article.getHeadline()).isEqualTo("ISIL faces growing popular resistance near Mosul");
    assertThat(article.getBylines()).containsExactly("Khalid al-Taie");
    assertThat(article.getCaptions()).singleElement().satisfies(c -> assertThat(c.getCredit())
        .isEqualTo("Photo courtesy of the Iraqi Counter Terrorism Unit"));
    assertThat(article.getBody()).doesNotContain("Do you like this article", "Comment Policy");
  }
}

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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
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

  @Test
  void shouldCountWordsAsRunsOfLettersAndDigits() {
    assertThat(ArticleEnricher.countWords("O'Neill's co-op has 3 rooms - at 12.5%")).isEqualTo(8);
    // Letters and numbers of every script and kind; marks and signs part words.
    assertThat(ArticleEnricher.countWords("Giá Rai ½ Ⅻ 中文 ١٢ x\u0301y")).isEqualTo(8);
    assertThat(ArticleEnricher.countWords("  \u2014 ... '' ")).isZero();
  }

  @Test
  void shouldDecodeWhatDoesNotDecodeAsItsCharsetDoes() {
    Random random = new Random(7);
    for (String charset : new String[] {"utf-8", "windows-1252", "iso-8859-1"}) {
      for (int i = 0; i < 200; i++) {
        byte[] noise = new byte[random.nextInt(64)];
        random.nextBytes(noise);
        ByteBuffer content = ByteBuffer.allocate(noise.length + 20);
        content.put("Headline\n\nBody ".getBytes(StandardCharsets.US_ASCII)).put(noise);
        content.flip();
        String decoded = Charset.forName(charset).decode(content.duplicate()).toString();

        EnrichedArticle article = enricher.enrich(raw(ArticleFormat.TEXT,
            "text/plain; charset=" + charset, Arrays.copyOf(content.array(), content.limit())));
        EnrichedArticle expected = text(decoded.getBytes(StandardCharsets.UTF_8));

        assertThat(article.getBody()).as("%s %s", charset, Arrays.toString(noise))
            .isEqualTo(expected.getBody());
      }
    }
  }
}

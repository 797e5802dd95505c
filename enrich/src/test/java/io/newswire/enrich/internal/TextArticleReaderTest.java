package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextArticleReaderTest {
  @Test
  void shouldTakeAShortFirstLineWithMoreAfterItForTheHeadline() {
    ArticleStructure article = TextArticleReader.read(
        "Basra airport adds flights to Doha\n\nThe airport said on Monday it would add flights.");
    assertThat(article.headline()).isEqualTo("Basra airport adds flights to Doha");
    assertThat(article.body()).isEqualTo("The airport said on Monday it would add flights.");
  }

  @Test
  void shouldReadATextOfOneParagraphAsBody() {
    String text = "Officials in Mosul said on Monday that the road to Baghdad would reopen.";
    ArticleStructure article = TextArticleReader.read(text);
    assertThat(article.headline()).isNull();
    assertThat(article.body()).isEqualTo(text);
  }

  @Test
  void shouldReadAnOpeningSentenceAsTheFirstParagraph() {
    ArticleStructure article = TextArticleReader.read(
        "The Syrian army says it has regained most of eastern Ghouta.\n\nRebels denied it.");
    assertThat(article.headline()).isNull();
    assertThat(article.body()).startsWith("The Syrian army says").endsWith("Rebels denied it.");
  }

  @Test
  void shouldReadALongOpeningLineAsTheFirstParagraph() {
    String first = "Two Long Islanders are on board for the new season of a reality series "
        .repeat(4).trim();
    ArticleStructure article = TextArticleReader.read(first + "\n\nFilming starts in May.");
    assertThat(article.headline()).isNull();
    assertThat(article.body()).startsWith("Two Long Islanders").endsWith("Filming starts in May.");
  }
}

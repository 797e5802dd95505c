package io.newswire.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordSetTest {
  private final WordSet nouns = new WordSet("County", "Road", "camp", "Élan");

  @Test
  void shouldFindWholeWordsAsWrittenInAText() {
    String text = "Metcalfe County Road, a camp near Élan";
    assertThat(nouns.contains(text, 9, 15)).isTrue();
    assertThat(nouns.contains(text, 16, 20)).isTrue();
    assertThat(nouns.contains(text, 24, 28)).isTrue();
    assertThat(nouns.contains(text, 34, 38)).isTrue();
    assertThat(nouns.contains("Élan")).isTrue();
  }

  @Test
  void shouldTellOtherWordsCaseAndPartsApart() {
    String text = "county Counts Count Roads camps";
    assertThat(nouns.contains(text, 0, 6)).isFalse();
    assertThat(nouns.contains(text, 7, 13)).isFalse();
    assertThat(nouns.contains(text, 14, 19)).isFalse();
    assertThat(nouns.contains(text, 20, 25)).isFalse();
    assertThat(nouns.contains(text, 26, 30)).isTrue();
    assertThat(nouns.contains(text, 26, 31)).isFalse();
    assertThat(nouns.contains("")).isFalse();
    assertThat(nouns.contains("a very much longer word than any")).isFalse();
  }

  @Test
  void shouldKnowTheInitialsOfItsWords() {
    assertThat(nouns.isInitial('C')).isTrue();
    assertThat(nouns.isInitial('c')).isTrue();
    assertThat(nouns.isInitial('R')).isTrue();
    assertThat(nouns.isInitial('r')).isFalse();
    assertThat(nouns.isInitial('É')).isFalse();
  }
}

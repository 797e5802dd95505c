package io.newswire.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Mosul|mosul",
      "MOSUL|mosul",
      "Al Mawşil|mawsil",
      "al-Qayyara|qayyara",
      "al-Qayyarah|qayyara",
      "Al Qayyārah|qayyara",
      "Qayyarah|qayyara",
      "Hamam al-Alil|hamam alil",
      "El-Arish|arish",
      "Saint Louis|st louis",
      "St. Louis|st louis",
      "Winston-Salem|winston salem",
      "Côte d’Ivoire|cote d ivoire",
      "U.S.|us",
      "Washington, D.C.|washington dc",
      "São  Paulo|sao paulo",
      "Utah|utah",
      "Al|al"})
  void shouldFoldCaseDiacriticsArticlesAndEndings(String name, String normal) {
    assertThat(Names.normalise(name)).isEqualTo(normal);
  }

  @ParameterizedTest
  @CsvSource({"Basra,true", "Ḩammām al ‘Alīl,true", "الموصل,false", "Мосул,false"})
  void shouldTellLatinScript(String name, boolean latin) {
    assertThat(Names.isLatin(name)).isEqualTo(latin);
  }
}

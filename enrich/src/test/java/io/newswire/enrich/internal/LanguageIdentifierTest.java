package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private static final String ENGLISH = "Three berths at the port of Umm Qasr reopened on Sunday"
      + " after months of dredging, port officials told reporters in Basra, and traders said"
      + " that the prices of building materials had fallen.";
  private static final String FRENCH = "Trois postes du port d'Umm Qasr ont rouvert dimanche"
      + " après des mois de dragage, ont déclaré les responsables du port aux journalistes.";
  private static final String GERMAN = "Drei Liegeplätze im Hafen von Umm Qasr wurden am Sonntag"
      + " nach monatelangen Baggerarbeiten wieder geöffnet, sagten Hafenbeamte in Basra.";

  private static LanguageIdentifier languages;

  @BeforeAll
  static void buildOnce() {
    languages = new LanguageIdentifier();
  }

  @Test
  void shouldAnswerPlainEnglishWithoutTheModelAsTheModelWould() {
    assertThat(LanguageIdentifier.plainlyEnglish(ENGLISH)).isTrue();
    assertThat(languages.detect(ENGLISH)).isEqualTo(new LanguageIdentifier.Detected("en", 1.0));
  }

  @Test
  void shouldTakeForeignNamesInEnglishProseInItsStride() {
    assertThat(LanguageIdentifier.plainlyEnglish("School enrolment recovers in Giá Rai. Traders"
        + " in Giá Rai say prices have fallen since September, according to the port")).isTrue();
    assertThat(LanguageIdentifier.plainlyEnglish("The port of البصرة reopened on Sunday after"
        + " months of dredging, and the traders said that it was good")).isFalse();
  }

  @Test
  void shouldReadOnWhereTheFirstSentencesAreMostlyNames() {
    String names = "San Fernando, officially the City of San Fernando (Ilocano: Ciudad ti San"
        + " Fernando; Pangasinan: Siyudad na San Fernando), is a city in La Union, Philippines.";
    assertThat(LanguageIdentifier.plainlyEnglish(names)).isFalse();
    assertThat(languages.detect(names + " " + ENGLISH + " " + ENGLISH))
        .isEqualTo(new LanguageIdentifier.Detected("en", 1.0));
    assertThat(languages.detect(FRENCH + " " + FRENCH + " " + FRENCH + " " + FRENCH).isoCode())
        .isEqualTo("fr");
  }

  @Test
  void shouldReadPastALongRunOfNamesBeforeAskingTheModel() {
    // A match report that opens with the line-ups: the model, given the opening, says Dutch.
    String roster = "PSV Eindhoven: Jeroen Zoet; Santiago Arias, Daniel Schwaab, Nicolas"
        + " Isimat-Mirin, Joshua Brenet; Jorrit Hendrix, Pablo Rosario, Marco van Ginkel; Steven"
        + " Bergwijn, Hirving Lozano, Luuk de Jong (Gaston Pereiro). ";
    assertThat(languages.detect(roster.repeat(4).substring(0, 200)).isoCode()).isEqualTo("nl");
    String report = roster.repeat(4) + (ENGLISH + " ").repeat(10);
    assertThat(report.length()).isGreaterThan(2_000);
    assertThat(LanguageIdentifier.plainlyEnglish(report.substring(0, 600))).isFalse();
    assertThat(LanguageIdentifier.plainlyEnglish(report.substring(0, 2_000))).isTrue();
    assertThat(languages.detect(report)).isEqualTo(new LanguageIdentifier.Detected("en", 1.0));
    // However far it reads, prose in another language never passes for English.
    String french = roster.repeat(4) + (FRENCH + " ").repeat(20);
    assertThat(LanguageIdentifier.plainlyEnglish(french.substring(0, 2_000))).isFalse();
  }

  @Test
  void shouldLeaveOtherLanguagesToTheModel() {
    assertThat(LanguageIdentifier.plainlyEnglish(FRENCH)).isFalse();
    assertThat(LanguageIdentifier.plainlyEnglish(GERMAN)).isFalse();
    assertThat(LanguageIdentifier.plainlyEnglish("The UN said.")).isFalse();
    assertThat(LanguageIdentifier.plainlyEnglish("O porto de Umm Qasr reabriu a navegação"
        + " após meses de dragagem, e as autoridades disseram a jornalistas em Bassorá que as"
        + " tarifas vão baixar")).isFalse();
    assertThat(languages.detect(FRENCH).isoCode()).isEqualTo("fr");
    assertThat(languages.detect(GERMAN).isoCode()).isEqualTo("de");
  }
}

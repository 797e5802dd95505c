package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
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

  /** Words random samples are made of: function words in any case, other words, other scripts. */
  private static final String[] WORDS = {"the", "The", "THE", "tHe", "of", "and", "a", "A", "in",
      "said", "Said", "its", "theirs", "there", "their", "at", "an", "or", "wh", "which",
      "whichx", "port", "Basra", "dredging", "Giá", "é", "\u212a", "\u0130n", "\u0131n",
      "th\u0065", "\u0174he", "\u0161", "ß", "البصرة", "Москва", "2", "x", "the-of"};
  private static final String[] GAPS = {" ", " ", " ", " ", ", ", ". ", "\n", "'", "-", ""};

  @Test
  void shouldTellPlainEnglishAsTheWordsInLowerCaseWouldTellIt() {
    Random random = new Random(5);
    int english = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder sample = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--) {
        // Mostly the commonest words, so that about half the samples are English.
        sample.append(random.nextInt(3) == 0 ? WORDS[random.nextInt(WORDS.length)]
            : WORDS[random.nextInt(8)]).append(GAPS[random.nextInt(GAPS.length)]);
      }
      String s = sample.toString();
      boolean expected = plainlyEnglishByWords(s);
      assertThat(LanguageIdentifier.plainlyEnglish(s)).as(s).isEqualTo(expected);
      english += expected ? 1 : 0;
    }
    assertThat(english).isGreaterThan(5_000).isLessThan(45_000);
  }

  /**
   * What {@link LanguageIdentifier#plainlyEnglish} must tell: each word of up to five letters in
   * lower case, looked up among the function words.
   */
  private static boolean plainlyEnglishByWords(String sample) {
    Set<String> functionWords = LanguageIdentifier.ENGLISH_WORDS;
    int words = 0;
    int english = 0;
    boolean the = false;
    int i = 0;
    while (i < sample.length()) {
      if (!Character.isLetter(sample.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < sample.length() && Character.isLetter(sample.charAt(i))) {
        char letter = sample.charAt(i);
        if (letter >= 0x80
            && Character.UnicodeScript.of(letter) != Character.UnicodeScript.LATIN) {
          return false;
        }
        i++;
      }
      words++;
      String word = sample.substring(start, i).toLowerCase(Locale.ROOT);
      if (i - start <= 5 && functionWords.contains(word)) {
        english++;
        the |= word.equals("the");
      }
    }
    return words >= 12 && the && english * 4 >= words;
  }
}

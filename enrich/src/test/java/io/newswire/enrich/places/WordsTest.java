package io.newswire.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "In Mosul, Iraq.|In Mosul Iraq",
      "China's army|China army",
      "the U.S. and D.C.|the U.S. and D.C.",
      "al-Qayyara and el-Arish|al-Qayyara and el-Arish",
      "London-based Amsterdam-London|London based Amsterdam London",
      "O’Neil’s Ky. rock 'n' roll|O’Neil Ky rock n roll",
      "Kiambu, Kenya. [Photo|Kiambu Kenya Photo",
      "al- el-|al el",
      "...3.5 per cent|3.5 per cent"})
  void shouldSplitWordsAndCutWhatTrailsThem(String text, String words) {
    assertThat(String.join(" ", split(text))).isEqualTo(words);
  }

  @Test
  void shouldSplitAsAScannerOfOneCharacterAtATime() {
    String[] pieces = {"a", "Z", "é", "Ł", "7", "'", "’", ".", "-", " ", ", ", "\n", "al-",
        "El-", "AL-", "U.S.", "'s", "’S", "\uD835\uDC00", "\uD83D\uDE00", "\uDC00", "\uD800",
        "—", "ß", "Mosul", "ah"};
    Random random = new Random(11);
    for (int t = 0; t < 20_000; t++) {
      String text = randomText(random, pieces, t % 100 == 0 ? 2_000 : 30);
      assertThat(bounds(Words.of(text))).as(text).isEqualTo(reference(text));
    }
  }

  @Test
  void shouldSplitGeneratedArticlesAsTheScannerDoes() {
    SampleArticles sample = new SampleArticles(Gazetteer.builtIn(), 5);
    for (int t = 0; t < 50; t++) {
      String text = sample.next(5_000);
      assertThat(bounds(Words.of(text))).isEqualTo(reference(text));
    }
  }

  @Test
  void shouldKeepTheWordsNearCapitalsAsTheWholeSplitHasThem() {
    String[] pieces = {"a", "Z", "é", "Ł", "7", "'", "’", ".", "-", " ", " ", " ", ", ", "\n",
        "al-", "El-", "AL-", "U.S.", "'s", "\uD835\uDC00", "\uD83D\uDE00", "\uDC00", "—",
        "Mosul", "the", "of", "iPhone", "well-known", "in", "said", "ah"};
    Random random = new Random(17);
    for (int t = 0; t < 20_000; t++) {
      String text = randomText(random, pieces, t % 100 == 0 ? 2_000 : 40);
      assertThat(nearCapitals(text)).as(text).isEqualTo(nearCapitalsReference(text));
      boolean surrogates = text.chars().anyMatch(c -> Character.isSurrogate((char) c));
      assertThat(Words.nearCapitals(text).hasSurrogates()).as(text).isEqualTo(surrogates);
      assertThat(Words.of(text).hasSurrogates()).isEqualTo(surrogates);
    }
    SampleArticles sample = new SampleArticles(Gazetteer.builtIn(), 5);
    for (int t = 0; t < 50; t++) {
      String text = sample.next(5_000);
      assertThat(nearCapitals(text)).isEqualTo(nearCapitalsReference(text));
    }
  }

  @Test
  void shouldSayHowManyWordsFollowOneAnother() {
    String text = "the Mosul Liberation Cells said on a quiet day in Iraq";
    Words words = Words.nearCapitals(text);
    assertThat(split(text, words)).containsExactly("the", "Mosul", "Liberation", "Cells",
        "said", "in", "Iraq");
    assertThat(words.run(0, 4)).isEqualTo(4);
    assertThat(words.run(1, 9)).isEqualTo(4);
    assertThat(words.run(4, 4)).isEqualTo(1);
    assertThat(words.follows(5)).isFalse();
    assertThat(words.run(5, 4)).isEqualTo(2);
  }

  /** Up to {@code most} pieces, drawn at random. */
  private static String randomText(Random random, String[] pieces, int most) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(most);
    for (int i = 0; i < length; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  /** Each kept word as start, end and whether it follows the word before it. */
  private static List<Integer> nearCapitals(String text) {
    Words words = Words.nearCapitals(text);
    List<Integer> kept = new ArrayList<>();
    for (int k = 0; k < words.size(); k++) {
      kept.add(words.start(k));
      kept.add(words.end(k));
      kept.add(k > 0 && words.follows(k) ? 1 : 0);
    }
    return kept;
  }

  /** The whole split's words that start a name or stand next to one, by its rules. */
  private static List<Integer> nearCapitalsReference(String text) {
    List<Integer> all = reference(text);
    int count = all.size() / 2;
    boolean[] name = new boolean[count];
    for (int j = 0; j < count; j++) {
      int start = all.get(j * 2);
      name[j] = Character.isUpperCase(text.charAt(start))
          || Character.isUpperCase(text.codePointAt(start))
          || text.startsWith("al-", start) || text.startsWith("el-", start);
    }
    List<Integer> kept = new ArrayList<>();
    int last = -2;
    for (int j = 0; j < count; j++) {
      if (name[j] || j > 0 && name[j - 1] || j + 1 < count && name[j + 1]) {
        kept.add(all.get(j * 2));
        kept.add(all.get(j * 2 + 1));
        kept.add(kept.size() > 2 && last == j - 1 ? 1 : 0);
        last = j;
      }
    }
    return kept;
  }

  private static List<String> split(String text, Words words) {
    List<String> split = new ArrayList<>();
    for (int k = 0; k < words.size(); k++) {
      split.add(text.substring(words.start(k), words.end(k)));
    }
    return split;
  }

  private static List<String> split(String text) {
    Words words = Words.of(text);
    List<String> split = new ArrayList<>();
    for (int k = 0; k < words.size(); k++) {
      split.add(text.substring(words.start(k), words.end(k)));
    }
    return split;
  }

  private static List<Integer> bounds(Words words) {
    List<Integer> bounds = new ArrayList<>();
    for (int k = 0; k < words.size(); k++) {
      bounds.add(words.start(k));
      bounds.add(words.end(k));
    }
    return bounds;
  }

  /** The rules of {@link Words} as a scanner that reads one character at a time. */
  private static List<Integer> reference(String text) {
    List<Integer> bounds = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (!Character.isLetterOrDigit(text.codePointAt(i))) {
        i++;
        continue;
      }
      int start = i++;
      while (i < text.length()) {
        char d = text.charAt(i);
        boolean arabicArticle = d == '-' && i - start == 2
            && (text.regionMatches(true, start, "al", 0, 2)
                || text.regionMatches(true, start, "el", 0, 2));
        if (!Character.isLetterOrDigit(text.codePointAt(i)) && d != '\'' && d != '.'
            && d != '’' && !Character.isLowSurrogate(d) && !arabicArticle) {
          break;
        }
        i++;
      }
      int end = i;
      if (".'’-".indexOf(text.charAt(end - 1)) >= 0
          && !isInitials(text.substring(start, end))) {
        while (".'’-".indexOf(text.charAt(end - 1)) >= 0) {
          end--;
        }
      }
      if (end - start > 3 && "sS".indexOf(text.charAt(end - 1)) >= 0
          && "'’".indexOf(text.charAt(end - 2)) >= 0) {
        end -= 2;
      }
      bounds.add(start);
      bounds.add(end);
    }
    return bounds;
  }

  /** Capital letters, each with its full stop, char by char: "U.S.". */
  private static boolean isInitials(String word) {
    if (word.length() < 4 || word.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < word.length(); i += 2) {
      if (!Character.isUpperCase(word.charAt(i)) || word.charAt(i + 1) != '.') {
        return false;
      }
    }
    return true;
  }
}

package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributionTest {
  private static final String[] VERBS = {"said", "says", "told", "added", "explained", "warned",
      "stated"};
  /**
   * Pieces of attribution and of what breaks it: verbs, particles, capitalised and other words,
   * articles, stops, the lookahead's words, line terminators, and letters whose case Java's
   * {@code isUpperCase} and {@code \p{Lu}} tell apart.
   */
  private static final String[] PIECES = {"said ", "says ", "told ", "warned ", " ", " ", " ",
      ",", ", ", ", ", ", a ", ", an ", ", the ", "a ", "the ", "Abu ", "Umm ", "Ibn ", "al-",
      "el-", "bin ", "bint ", "abu ", "de ", "van ", "von ", "Ali ", "Ali", "Omar ", "Omar",
      "Karim ", "Jaber", "Étienne ", "O'Neill", "Al-Obeidi ", "X", "Q ", "on ", "that ",
      "mid-term ", "commander", "of ", "Mosul ", ".", "\"", "”", ";", " who", " using", "\n",
      "\r\n", "\r", "\u0085", "\u2028", "’", "-", "3", "ǅ", "ª", "Ⅰ", "ß", "İ", "é", "Lu",
      "ab", "Abu", "an", "a", "ANC"};

  /** What may follow a name or description, and what may end the text right after one. */
  private static final String[] ENDS = {".", ",", ";", " who", " using", "”", "", "\n", "\r\n",
      "\r", "\u2028", "\u0085", "\n\n"};

  /** Lower-case words of plain letters, for descriptions and appositions as long as they go. */
  private static final String[] PLAIN = {"a ", "commander ", "with ", "the ", "council ", "x "};

  /** Every answer of the reading by hand is the expressions' answer, on random texts. */
  @Test
  void shouldReadAttributionAsTheExpressionsDo() {
    Random random = new Random(17);
    int after = 0;
    int described = 0;
    int before = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(120); k > 0; k--) {
        text.append(random.nextInt(8) == 0 ? attribution(random)
            : PIECES[random.nextInt(PIECES.length)]);
      }
      if (random.nextInt(4) == 0) {
        text.append(attribution(random));
      }
      String s = text.toString();
      char[] chars = s.toCharArray();
      Attribution byHand = new Attribution(s, chars, false);
      Attribution expressions = new Attribution(s, chars, true);
      for (int[] verb : verbs(s)) {
        boolean named = expressions.nameAfter(verb[0], verb[1]);
        assertThat(byHand.nameAfter(verb[0], verb[1])).as("after %s in %s", verb[0], s)
            .isEqualTo(named);
        if (named) {
          after++;
          described += byHand.descriptionStart() >= 0 ? 1 : 0;
          assertThat(spans(byHand, true)).as("after %s in %s", verb[0], s)
              .containsExactly(spans(expressions, true));
        }
        for (int start = Math.max(0, verb[0] - 160); start < verb[0]; start++) {
          named = expressions.nameBefore(start, verb[0], verb[1]);
          assertThat(byHand.nameBefore(start, verb[0], verb[1]))
              .as("before %s from %s in %s", verb[0], start, s).isEqualTo(named);
          if (named) {
            before++;
            assertThat(spans(byHand, false)).as("before %s from %s in %s", verb[0], start, s)
                .containsExactly(spans(expressions, false));
          }
        }
      }
    }
    assertThat(after).isGreaterThan(2_500);
    assertThat(described).isGreaterThan(200);
    assertThat(before).isGreaterThan(12_000);
  }

  /**
   * A name before the verb with an apposition, or a verb, a name of a few words and maybe a
   * description, with pieces of the rest between.
   */
  private static String attribution(Random random) {
    if (random.nextInt(3) == 0) {
      StringBuilder snippet = new StringBuilder("Ali Omar,");
      for (int k = random.nextInt(22); k > 0; k--) {
        snippet.append(PLAIN[random.nextInt(PLAIN.length)]);
      }
      return snippet.append(", ").append(VERBS[random.nextInt(VERBS.length)]).toString();
    }
    StringBuilder snippet = new StringBuilder(VERBS[random.nextInt(VERBS.length)]).append(' ');
    for (int k = random.nextInt(9) - 6; k > 0; k--) {
      snippet.append(PIECES[random.nextInt(PIECES.length)]);
    }
    for (int k = random.nextInt(5); k >= 0; k--) {
      snippet.append(PIECES[random.nextInt(PIECES.length)]);
    }
    if (random.nextBoolean()) {
      snippet.append(", ").append(new String[] {"a ", "an ", "the ", "an", ""}[random.nextInt(5)]);
      boolean plain = random.nextBoolean();
      for (int k = random.nextInt(plain ? 40 : 6); k >= 0; k--) {
        snippet.append(plain ? PLAIN[random.nextInt(PLAIN.length)]
            : PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return snippet.append(ENDS[random.nextInt(ENDS.length)]).toString();
  }

  private static int[] spans(Attribution attribution, boolean described) {
    return described ? new int[] {attribution.nameStart(), attribution.nameEnd(),
        attribution.descriptionStart(), attribution.descriptionEnd()}
        : new int[] {attribution.nameStart(), attribution.nameEnd()};
  }

  /** The verbs standing as whole words, as {@link SourceMentions} finds them. */
  private static List<int[]> verbs(String s) {
    List<int[]> verbs = new ArrayList<>();
    for (String verb : VERBS) {
      for (int at = s.indexOf(verb); at >= 0; at = s.indexOf(verb, at + 1)) {
        int end = at + verb.length();
        if ((at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)))
            && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)))) {
          verbs.add(new int[] {at, end});
        }
      }
    }
    return verbs;
  }
}

package io.newswire.schemas.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What Unicode NFKC and lower-casing make of one character alone, for passes that normalise a
 * text a character at a time through a table and keep the whole-text pass for the characters
 * whose form depends on their neighbours. Both of NFKC and {@link String#toLowerCase(Locale)
 * lower-casing} act on one character alone except where a character composes with the one
 * before it (a combining mark, or a conjoining Hangul letter: {@code FoldingTest} checks over
 * all of Unicode that nothing else does), and for a capital sigma, which lower-cases by its
 * place in a word.
 */
public final class Folding {
  private static final char CAPITAL_SIGMA = '\u03a3';

  private Folding() {
  }

  /**
   * NFKC and lower case of {@code c} alone, or null where a text holding it needs the whole-text
   * pass: a character that is not its own canonical form (it may recompose), one that is or
   * becomes a combining mark, a conjoining Hangul letter or a capital sigma, or a surrogate.
   */
  public static String alone(char c) {
    String alone = String.valueOf(c);
    if (Character.isSurrogate(c) || !Normalizer.isNormalized(alone, Normalizer.Form.NFC)) {
      return null;
    }
    String compatible = Normalizer.normalize(alone, Normalizer.Form.NFKC);
    String lower = compatible.toLowerCase(Locale.ROOT);
    for (String form : new String[] {compatible, lower}) {
      for (int k = 0; k < form.length(); k++) {
        char d = form.charAt(k);
        if (isMark(d) || isConjoiningJamo(d) || Character.isSurrogate(d) || d == CAPITAL_SIGMA) {
          return null;
        }
      }
    }
    return lower;
  }

  /** A combining mark: non-spacing, spacing or enclosing. */
  public static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** A letter of a Hangul syllable written apart, which NFC joins with the one before it. */
  public static boolean isConjoiningJamo(int c) {
    return c >= 0x1100 && c <= 0x11ff || c >= 0xa960 && c <= 0xa97f
        || c >= 0xd7b0 && c <= 0xd7ff;
  }
}

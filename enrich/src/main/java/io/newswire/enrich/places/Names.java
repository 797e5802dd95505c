package io.newswire.enrich.places;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normal form names are matched in: case and diacritics folded, apostrophes, hyphens and
 * spaces as one space, full stops and other signs dropped, the Arabic article ({@code al-},
 * {@code Al }, {@code el-}) dropped before a name, a final {@code -ah} read as {@code -a}
 * ("al-Qayyarah" and "Qayyara" meet), and "Saint" as "St". One pass over the characters: it runs
 * for every word group an article is scanned for.
 */
final class Names {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Set<String> ARTICLES = Set.of("al", "el", "ad", "an", "ar", "as", "at",
      "az");
  /**
   * The one letter or digit of the normal form of each character up to Latin Extended-B ('Á' and
   * 'á' to 'a', 'B' to 'b'), or 0 where a character has none: signs, and letters whose normal
   * form is not one letter. Made by the general pass itself, so the two agree.
   */
  private static final char[] FOLDED = new char[0x250];

  static {
    for (char c = 0; c < FOLDED.length; c++) {
      if (c < 0x80) {
        FOLDED[c] = c >= 'A' && c <= 'Z' ? (char) (c + 'a' - 'A')
            : c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ? c : 0;
      } else if (Character.isLetter(c)) {
        String bare = MARKS.matcher(Normalizer.normalize(String.valueOf(c),
            Normalizer.Form.NFD)).replaceAll("");
        if (bare.length() == 1 && Character.isLetter(bare.charAt(0))) {
          FOLDED[c] = Character.toLowerCase(bare.charAt(0));
        }
      }
    }
  }

  private Names() {
  }

  static String normalise(String name) {
    String word = asciiWord(name);
    if (word != null) {
      return word;
    }
    String folded = name;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        break;
      }
    }
    StringBuilder out = new StringBuilder(folded.length());
    int wordStart = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (pendingSpace && out.length() > 0) {
          dropArticle(out, wordStart);
          if (out.length() > 0) {
            out.append(' ');
          }
          wordStart = out.length();
        }
        pendingSpace = false;
        out.appendCodePoint(Character.toLowerCase(c));
      } else if (isSeparator(c)) {
        pendingSpace = true;
      }
    }
    int length = out.length();
    if (length > 4 && out.charAt(length - 2) == 'a' && out.charAt(length - 1) == 'h') {
      out.setLength(length - 1);
    }
    if (out.length() > 6 && out.indexOf("saint ") >= 0) {
      return out.toString().replace("saint ", "st ");
    }
    return out.toString();
  }

  /**
   * The normal form of one word of ASCII letters and digits, the commonest case, without the
   * general pass; null for anything else.
   */
  private static String asciiWord(String name) {
    int length = name.length();
    boolean lower = true;
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        lower = false;
      } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return null;
      }
    }
    String word = lower ? name : name.toLowerCase(Locale.ROOT);
    return length > 4 && word.endsWith("ah") ? word.substring(0, length - 1) : word;
  }

  /** Drops the word just written, and the space before it, when it is an Arabic article. */
  private static void dropArticle(StringBuilder out, int wordStart) {
    if (out.length() - wordStart == 2 && ARTICLES.contains(out.substring(wordStart))) {
      out.setLength(wordStart > 0 ? wordStart - 1 : 0);
    }
  }

  private static boolean isSeparator(int c) {
    return Character.isWhitespace(c) || c == '-' || c == '\'' || c == '’' || c == '‐'
        || c == '‑' || c == '–' || c == 'ʼ' || c == 'ʻ' || c == '`';
  }

  /** The one character the normal form makes of {@code c} (see {@link #FOLDED}), or 0. */
  static char fold(char c) {
    return c < FOLDED.length ? FOLDED[c] : 0;
  }

  /**
   * The running hash of a normal form (see {@link NameHashes}) extended by text[start, end)
   * when that is one word of letters and digits up to Latin Extended-B, whose normal form is
   * made letter by letter ("Giá": "gia"); 0 for any other word, which needs the general pass.
   * The final "-ah" is the caller's.
   */
  static long hashPlain(long hash, String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = fold(text.charAt(i));
      if (c == 0) {
        return 0;
      }
      hash = NameHashes.extend(hash, c);
    }
    return hash;
  }

  /**
   * The normal form of text[start, end) where {@link #hashPlain} took every word of it and
   * {@link #isSpace} every gap between them: each letter folded, each gap one space, the final
   * "-ah" read as "-a". The same as {@link #normalise} there, without its general pass.
   */
  static String plainKey(String text, int start, int end) {
    char[] key = new char[end - start];
    int length = 0;
    boolean space = false;
    for (int i = start; i < end; i++) {
      char c = fold(text.charAt(i));
      if (c != 0) {
        if (space) {
          key[length++] = ' ';
          space = false;
        }
        key[length++] = c;
      } else {
        space |= isSeparator(text.charAt(i));
      }
    }
    if (length > 4 && key[length - 2] == 'a' && key[length - 1] == 'h') {
      length--;
    }
    return new String(key, 0, length);
  }

  /**
   * Whether the normal form makes one space of text[start, end), a gap between two words: ASCII
   * signs it drops (", ", ". [") with at least one that separates words (a space, a hyphen, an
   * apostrophe).
   */
  static boolean isSpace(String text, int start, int end) {
    boolean separated = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 0x80 || fold(c) != 0) {
        return false;
      }
      separated |= isSeparator(c);
    }
    return separated;
  }

  /** Whether text[start, end) is, in normal form, {@code word} (lower-case ASCII). */
  static boolean isFolded(String text, int start, int end, String word) {
    if (end - start != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (fold(text.charAt(start + i)) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether text[start, end) is one of the Arabic articles, in any case and accent. */
  static boolean isArticle(String text, int start, int end) {
    if (end - start != 2) {
      return false;
    }
    char a = fold(text.charAt(start));
    char b = fold(text.charAt(start + 1));
    return a == 'a' && b != 0 && "ldnrstz".indexOf(b) >= 0 || a == 'e' && b == 'l';
  }

  /** Whether a normalised word is one of the Arabic articles the normal form drops. */
  static boolean isArticle(String word) {
    return ARTICLES.contains(word);
  }

  /** Whether a name is in Latin script, the script articles are matched in. */
  static boolean isLatin(String name) {
    return name.codePoints().allMatch(c -> !Character.isLetter(c)
        || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
  }
}

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

  /**
   * The running hash of a normal form (see {@link NameHashes}) extended by text[start, end)
   * when that is one word of ASCII letters and digits, whose normal form is its lower case;
   * 0 for any other word, which needs the general pass. The final "-ah" is the caller's.
   */
  static long hashAscii(long hash, String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return 0;
      }
      hash = NameHashes.extend(hash, c);
    }
    return hash;
  }

  /** Whether text[start, end) is one of the Arabic articles, in any case. */
  static boolean isArticle(String text, int start, int end) {
    if (end - start != 2) {
      return false;
    }
    char a = Character.toLowerCase(text.charAt(start));
    char b = Character.toLowerCase(text.charAt(start + 1));
    return a == 'a' && "ldnrstz".indexOf(b) >= 0 || a == 'e' && b == 'l';
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

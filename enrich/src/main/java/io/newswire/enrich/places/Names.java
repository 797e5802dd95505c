package io.newswire.enrich.places;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normal form names are matched in: case and diacritics folded, apostrophes and hyphens as
 * spaces, the Arabic article ({@code al-}, {@code Al }, {@code el-}) dropped, and a final
 * {@code -ah} read as {@code -a} ("al-Qayyarah" and "Qayyara" meet).
 */
final class Names {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-‐‑–'’ʼʻ`]+");
  private static final Pattern ARTICLE = Pattern.compile("(^| )(al|el|ad|an|ar|as|at|az) ");
  private static final Pattern NON_NAME = Pattern.compile("[^\\p{L}\\p{N} .]");

  private Names() {
  }

  static String normalise(String name) {
    boolean ascii = name.chars().allMatch(c -> c < 0x80);
    String folded = (ascii ? name : MARKS.matcher(Normalizer.normalize(name,
        Normalizer.Form.NFD)).replaceAll("")).toLowerCase(Locale.ROOT);
    folded = SEPARATORS.matcher(folded).replaceAll(" ");
    folded = NON_NAME.matcher(folded).replaceAll("").replace(".", "").trim();
    folded = ARTICLE.matcher(folded).replaceAll("$1").trim();
    if (folded.endsWith("ah") && folded.length() > 4) {
      folded = folded.substring(0, folded.length() - 1);
    }
    return folded.replace("saint ", "st ");
  }

  /** Whether a name is in Latin script, the script articles are matched in. */
  static boolean isLatin(String name) {
    return name.codePoints().allMatch(c -> c < 0x0250 || Character.isWhitespace(c)
        || Character.getType(c) == Character.NON_SPACING_MARK);
  }
}

package io.newswire.enrich.places;

import java.util.Arrays;

/**
 * The words of a text as [start, end) char ranges, in one array: letters and digits with inner
 * apostrophes and full stops, and the hyphen of {@code al-}; trailing ones and the possessive
 * {@code 's} are cut, except that initials keep their full stops ("U.S.").
 *
 * <p>{@link #of} splits the whole text; {@link #nearCapitals} keeps only the words a place name
 * can take part in, and says where words were left out between two it kept.
 */
final class Words {
  private static final boolean[] ASCII_WORD = new boolean[0x80];
  /** ASCII characters a word goes on over: letters, digits, apostrophes and full stops. */
  private static final boolean[] ASCII_INNER = new boolean[0x80];
  /** ASCII characters where {@link #nearCapitals} stops: capitals, and the hyphen of al-. */
  private static final boolean[] ASCII_MARK = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
      ASCII_INNER[c] = ASCII_WORD[c] || c == '\'' || c == '.';
      ASCII_MARK[c] = c >= 'A' && c <= 'Z' || c == '-';
    }
  }

  private int[] bounds;
  /** Whether each word comes right after the one before it, no word of the text between. */
  private boolean[] follows;
  private int size;
  /** Whether the text holds a surrogate, so that its chars and code points are counted apart. */
  private boolean surrogates;

  private Words(int expected) {
    bounds = new int[Math.max(16, expected * 2)];
    follows = new boolean[Math.max(8, expected)];
  }

  /** The words of {@code text}. */
  static Words of(String text) {
    char[] chars = text.toCharArray();
    Words words = new Words(chars.length / 5);
    int i = 0;
    while ((i = words.nextStart(text, chars, i)) < chars.length) {
      int start = i;
      i = words.rawEnd(text, chars, start);
      words.add(start, cut(chars, start, i), true);
    }
    return words;
  }

  /**
   * The words of {@code text} that a place name can take part in: each word that starts with a
   * capital letter or with {@code al-} or {@code el-}, and the words right before and after it,
   * as {@link #of} splits them; {@link #follows} says where others were left out. Only those
   * words are split: the rest of the text is only searched for capitals, which costs much less
   * than splitting it.
   */
  static Words nearCapitals(String text) {
    char[] chars = text.toCharArray();
    int length = chars.length;
    Words words = new Words(length / 16);
    // Words before pos are decided; marks are looked for from from. The word at pos, when it
    // was left out, ended the last stretch, and keptBefore says whether the one before it was
    // kept.
    int pos = 0;
    int from = 0;
    boolean keptBefore = false;
    while (true) {
      int p = from;
      // Four characters at a time while none is a mark or beyond ASCII, then one at a time.
      while (p + 4 <= length) {
        char c0 = chars[p];
        char c1 = chars[p + 1];
        char c2 = chars[p + 2];
        char c3 = chars[p + 3];
        if ((c0 | c1 | c2 | c3) >= 0x80
            || ASCII_MARK[c0] | ASCII_MARK[c1] | ASCII_MARK[c2] | ASCII_MARK[c3]) {
          break;
        }
        p += 4;
      }
      while (p < length && (chars[p] < 0x80 ? !ASCII_MARK[chars[p]] : !words.isCapital(text, p))) {
        p++;
      }
      if (p == length) {
        return words;
      }
      // Split from the start of the piece of text before the one holding the mark, so that
      // the word before the mark's is split too; a split begins right after a space exactly
      // as the whole split does there.
      int r = p;
      while (r > pos && !isBlank(chars[r - 1])) {
        r--;
      }
      while (r > pos) {
        while (r > pos && isBlank(chars[r - 1])) {
          r--;
        }
        int pieceEnd = r;
        while (r > pos && !isBlank(chars[r - 1])) {
          r--;
        }
        if (words.nextStart(text, chars, r) < pieceEnd) {
          break;
        }
      }
      // Split on until two words in a row past the mark start no name; the second is left,
      // unsplit, for the next stretch, whose first word it may come right before. A word is
      // kept when it or a word next to it starts a name; it follows the one kept before it
      // when the word right before it was kept.
      int previousStart = -1;
      int previousEnd = 0;
      boolean previousName = false;
      boolean previousKept = false;
      boolean previousFollows = false;
      boolean stopped = false;
      int i = r;
      while ((i = words.nextStart(text, chars, i)) < length) {
        int start = i;
        boolean name = startsName(text, chars, start);
        if (previousStart >= 0 && !name && !previousName && previousEnd > p) {
          pos = start;
          keptBefore = previousKept;
          from = Math.max(p + 1, start);
          stopped = true;
          break;
        }
        i = words.rawEnd(text, chars, start);
        if (name && previousStart >= 0 && !previousKept) {
          words.add(previousStart, previousEnd, previousFollows);
          previousKept = true;
        }
        boolean follows = previousStart >= 0 ? previousKept : start == pos && keptBefore;
        int end = cut(chars, start, i);
        boolean kept = name || previousName;
        if (kept) {
          words.add(start, end, follows);
        }
        previousStart = start;
        previousEnd = end;
        previousName = name;
        previousKept = kept;
        previousFollows = follows;
      }
      if (!stopped) {
        return words;
      }
    }
  }

  /** Where the next word starts from {@code i}, or the text's length. */
  private int nextStart(String text, char[] chars, int i) {
    while (i < chars.length) {
      char c = chars[i];
      if (c < 0x80 ? ASCII_WORD[c] : isLetterOrDigit(text, c, i)) {
        return i;
      }
      i++;
    }
    return i;
  }

  /** The end of the word that starts at {@code start}, before what trails it is cut. */
  private int rawEnd(String text, char[] chars, int start) {
    int length = chars.length;
    int i = start + 1;
    while (i < length) {
      char d = chars[i];
      if (d < 0x80) {
        // A hyphen joins only the Arabic article to its name ("al-Qayyara");
        // "London-based" and "Amsterdam-London" are words of their own, looked up together
        // as well.
        if (!ASCII_INNER[d] && !(d == '-' && i - start == 2
            && (text.regionMatches(true, start, "al", 0, 2)
                || text.regionMatches(true, start, "el", 0, 2)))) {
          break;
        }
      } else if (d != '’' && !isLetterOrDigit(text, d, i) && !Character.isLowSurrogate(d)) {
        break;
      }
      i++;
    }
    return i;
  }

  /** Whether the code point at {@code i}, not ASCII, is a letter or digit; notes surrogates. */
  private boolean isLetterOrDigit(String text, char c, int i) {
    surrogates |= Character.isSurrogate(c);
    return Character.isLetterOrDigit(text.codePointAt(i));
  }

  /**
   * Whether a capital letter is at {@code i} (any but ASCII, which the caller tells); notes
   * surrogates.
   */
  private boolean isCapital(String text, int i) {
    char c = text.charAt(i);
    surrogates |= Character.isSurrogate(c);
    return Character.isUpperCase(c) || Character.isUpperCase(text.codePointAt(i));
  }

  /** Whether the word at {@code start} may start a name: a capital, or al- or el-. */
  private static boolean startsName(String text, char[] chars, int start) {
    char c = chars[start];
    return c < 0x80 ? c >= 'A' && c <= 'Z' || (c == 'a' || c == 'e')
        && start + 2 < chars.length && chars[start + 1] == 'l' && chars[start + 2] == '-'
        : Character.isUpperCase(c) || Character.isUpperCase(text.codePointAt(start));
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  private void add(int start, int end, boolean follows) {
    if (size * 2 == bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
      this.follows = Arrays.copyOf(this.follows, bounds.length / 2);
    }
    bounds[size * 2] = start;
    bounds[size * 2 + 1] = end;
    this.follows[size] = follows;
    size++;
  }

  /** The end of the word chars[start, end) without trailing signs and the possessive. */
  private static int cut(char[] chars, int start, int end) {
    char last = chars[end - 1];
    boolean trailing = last == '.' || last == '\'' || last == '’' || last == '-';
    if (trailing && !isInitials(chars, start, end)) {
      while (end > start && ".'’-".indexOf(chars[end - 1]) >= 0) {
        end--;
      }
    }
    // The possessive is not part of the name: "China's".
    if (end - start > 3 && (chars[end - 1] == 's' || chars[end - 1] == 'S')
        && (chars[end - 2] == '\'' || chars[end - 2] == '’')) {
      end -= 2;
    }
    return end;
  }

  /** Whether chars[start, end) is initials with their full stops: "U.S.", "D.C.". */
  private static boolean isInitials(char[] chars, int start, int end) {
    if (end - start < 4 || (end - start) % 2 != 0) {
      return false;
    }
    for (int i = start; i < end; i += 2) {
      if (!Character.isUpperCase(chars[i]) || chars[i + 1] != '.') {
        return false;
      }
    }
    return true;
  }

  int size() {
    return size;
  }

  int start(int k) {
    return bounds[k * 2];
  }

  int end(int k) {
    return bounds[k * 2 + 1];
  }

  /**
   * Whether the text holds a surrogate (a code point beyond the Basic Multilingual Plane), so
   * that its char and code point offsets differ.
   */
  boolean hasSurrogates() {
    return surrogates;
  }

  /** Whether word {@code k} comes right after word {@code k - 1} in the text. */
  boolean follows(int k) {
    return follows[k];
  }

  /** How many words from {@code k}, at most {@code most}, follow one another in the text. */
  int run(int k, int most) {
    int n = 1;
    while (n < most && k + n < size && follows[k + n]) {
      n++;
    }
    return k < size ? n : 0;
  }
}

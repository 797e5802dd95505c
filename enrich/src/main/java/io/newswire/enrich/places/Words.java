package io.newswire.enrich.places;

import java.util.Arrays;

/**
 * The words of a text as [start, end) char ranges, in one array: letters and digits with inner
 * apostrophes and full stops, and the hyphen of {@code al-}; trailing ones and the possessive
 * {@code 's} are cut, except that initials keep their full stops ("U.S.").
 */
final class Words {
  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  private int[] bounds;
  private int size;

  private Words(int expected) {
    bounds = new int[Math.max(16, expected * 2)];
  }

  /** The words of {@code text}. */
  static Words of(String text) {
    char[] chars = text.toCharArray();
    Words words = new Words(chars.length / 5);
    int length = chars.length;
    int i = 0;
    while (i < length) {
      char c = chars[i];
      if (c < 0x80 ? !ASCII_WORD[c] : !Character.isLetterOrDigit(text.codePointAt(i))) {
        i++;
        continue;
      }
      int start = i;
      i++;
      while (i < length) {
        char d = chars[i];
        if (d < 0x80) {
          // A hyphen joins only the Arabic article to its name ("al-Qayyara");
          // "London-based" and "Amsterdam-London" are words of their own, looked up together
          // as well.
          if (!ASCII_WORD[d] && d != '\'' && d != '.' && !(d == '-' && i - start == 2
              && (text.regionMatches(true, start, "al", 0, 2)
                  || text.regionMatches(true, start, "el", 0, 2)))) {
            break;
          }
        } else if (d != '’' && !Character.isLetterOrDigit(text.codePointAt(i))
            && !Character.isLowSurrogate(d)) {
          break;
        }
        i++;
      }
      words.add(start, cut(chars, start, i));
    }
    return words;
  }

  private void add(int start, int end) {
    if (size * 2 == bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[size * 2] = start;
    bounds[size * 2 + 1] = end;
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
}

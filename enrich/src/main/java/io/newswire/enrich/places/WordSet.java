package io.newswire.enrich.places;

import java.util.ArrayList;
import java.util.List;

/**
 * A small set of words, written as they must appear, asked about ranges of a text with no
 * string made: the words of each length in an array, told apart by their first letter.
 */
final class WordSet {
  private final String[][] byLength;
  private final boolean[] asciiInitials = new boolean[0x80];

  WordSet(String... words) {
    List<List<String>> lists = new ArrayList<>();
    for (String word : words) {
      while (lists.size() <= word.length()) {
        lists.add(new ArrayList<>());
      }
      lists.get(word.length()).add(word);
      char initial = word.charAt(0);
      if (initial < 0x80) {
        asciiInitials[initial] = true;
      }
    }
    byLength = lists.stream().map(list -> list.toArray(String[]::new)).toArray(String[][]::new);
  }

  /** Whether text[start, end) is one of the words. */
  boolean contains(String text, int start, int end) {
    int length = end - start;
    if (length <= 0 || length >= byLength.length) {
      return false;
    }
    char first = text.charAt(start);
    if (first < 0x80 && !asciiInitials[first]) {
      return false;
    }
    for (String word : byLength[length]) {
      if (word.charAt(0) == first && text.startsWith(word, start)) {
        return true;
      }
    }
    return false;
  }

  boolean contains(String word) {
    return contains(word, 0, word.length());
  }

  /** Whether some word starts with {@code c}, an ASCII character. */
  boolean isInitial(char c) {
    return c < 0x80 && asciiInitials[c];
  }
}

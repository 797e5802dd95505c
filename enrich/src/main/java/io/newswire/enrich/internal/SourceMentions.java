package io.newswire.enrich.internal;

import io.newswire.avro.NamedEntity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People and organisations an article names as its sources or actors, found by the patterns news
 * prose uses for attribution: "said Abu Omar, a commander with the Mosul Liberation Cells",
 * "Karim Jaber, a director at ... , said", "council member Ali Khudhair told ...". A later
 * surname alone ("Hikmat said") counts for the full name met before.
 */
final class SourceMentions {
  /** A word that may stand in an organisation's name before the word saying what it is. */
  private static final Pattern NAME_WORD = Pattern.compile(
      "(?:al-|Al-)?\\p{Lu}[\\p{L}'’-]*|of|the");
  /** Organisation names end in (or are made of) words that say what kind of body they are. */
  static final String[] KINDS = {"Cells", "Brigade", "Brigades", "Council", "Ministry",
      "Forces", "Army", "Unit", "Company", "Authority", "Agency", "Centre", "Center", "Committee",
      "Police", "Party", "Movement", "Front", "Coalition", "Organisation", "Organization",
      "Association", "Union", "Bank", "University", "Institute", "Commission", "Office",
      "Department", "Corporation", "Group", "Fund", "Court"};
  private static final Vocabulary ORGANISATION_KINDS = new Vocabulary(KINDS);
  /** The ASCII letters and digits. */
  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  /** The verbs of saying that attribution hangs on. */
  static final String[] VERBS = {"said", "says", "told", "added", "explained", "warned",
      "stated"};
  private static final Pattern ORGANISATION_TAIL = Pattern.compile(
      "(?: (?:of|for) (?:the )?\\p{Lu}[\\p{L}'’-]*(?: (?:and the |and |of )?\\p{Lu}"
          + "[\\p{L}'’-]*){0,3})?");
  private static final Set<String> NOT_NAMES = Set.of("He", "She", "They", "It", "We", "I",
      "The", "This", "That", "Officials", "Residents", "Sources", "Police", "Witnesses");
  /** Words that lead into a name without being part of it, matched in any case. */
  private static final String[] LEADING_WORDS = {"The", "A", "An", "Of", "In", "On", "At", "As",
      "And", "But", "For", "With", "From"};

  /**
   * A few words of ASCII letters, found where they stand in a text with no string made: by
   * length, then by their first letter, then letter by letter.
   */
  private static final class Vocabulary {
    private final String[][] byLength;
    /** Per length, the first letters of its words: bit {@code c - 'A'} for letter c. */
    private final long[] firstLetters;

    Vocabulary(String... words) {
      int longest = Arrays.stream(words).mapToInt(String::length).max().orElse(0);
      byLength = new String[longest + 1][];
      firstLetters = new long[longest + 1];
      for (int length = 0; length <= longest; length++) {
        int n = length;
        byLength[length] = Arrays.stream(words).filter(w -> w.length() == n)
            .toArray(String[]::new);
      }
      for (String word : words) {
        firstLetters[word.length()] |= 1L << word.charAt(0) - 'A';
      }
    }

    boolean contains(char[] text, int start, int end) {
      int length = end - start;
      int first = text[start] - 'A';
      if (length >= byLength.length || first < 0 || first >= 64
          || (firstLetters[length] & 1L << first) == 0) {
        return false;
      }
      for (String word : byLength[length]) {
        if (matches(word, text, start)) {
          return true;
        }
      }
      return false;
    }

    private static boolean matches(String word, char[] text, int start) {
      for (int k = 0; k < word.length(); k++) {
        if (text[start + k] != word.charAt(k)) {
          return false;
        }
      }
      return true;
    }
  }

  /** People and organisations, each with how often it is named. */
  record Found(List<NamedEntity> people, List<NamedEntity> organisations) {
  }

  private SourceMentions() {
  }

  static Found find(String text) {
    Map<String, Integer> people = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    // The characters of the names counted so far, one bit each.
    long[] counted = new long[(text.length() >> 6) + 1];
    // Attribution hangs on a verb: look only around each one, not from every capital letter.
    List<int[]> verbs = new ArrayList<>();
    List<int[]> kinds = new ArrayList<>();
    char[] chars = text.toCharArray();
    boolean surrogates = findWords(text, chars, verbs, kinds);
    // The verb's word is whole, so that it starts and ends on a word boundary.
    Attribution attribution = new Attribution(text, chars, surrogates);
    for (int[] verb : verbs) {
      if (mayNameAfter(chars, verb[1]) && attribution.nameAfter(verb[0], verb[1])) {
        String raw = text.substring(attribution.nameStart(), attribution.nameEnd());
        count(raw, attribution.nameStart(), attribution.nameEnd(), people, counted);
        if (attribution.descriptionStart() >= 0) {
          String name = cleanName(raw);
          if (name != null) {
            descriptions.putIfAbsent(name, text.substring(attribution.descriptionStart(),
                attribution.descriptionEnd()).trim());
          }
        }
      }
      int nameEnd = nameEndBefore(text, verb[0]);
      if (nameEnd < 0) {
        continue;
      }
      // A name is at most eight words ("Abu" and four names with particles), all of them
      // letters, apostrophes and hyphens, and ends at nameEnd: it starts in the stretch of such
      // words right before.
      int from = Math.max(Math.max(0, verb[0] - 160), wordsBack(chars, nameEnd, 9));
      int stretch = nameEnd;
      while (stretch > from && isNameChar(chars[stretch - 1])) {
        stretch--;
      }
      for (int start = stretch; start < nameEnd; start++) {
        if (Character.isUpperCase(chars[start])
            && (start == 0 || !Character.isLetter(chars[start - 1]))) {
          if (attribution.nameBefore(start, verb[0], verb[1])) {
            count(text.substring(attribution.nameStart(), attribution.nameEnd()),
                attribution.nameStart(), attribution.nameEnd(), people, counted);
            break;
          }
        }
      }
    }
    for (int[] verb : verbs) {
      int surname = surnameBefore(chars, verb[0], verb[1]);
      if (surname < 0 || overlaps(counted, surname, verb[0] - 1)) {
        continue;
      }
      String tail = text.substring(surname, verb[0] - 1);
      for (String full : people.keySet()) {
        if (full.endsWith(tail) && full.length() > tail.length()
            && full.charAt(full.length() - tail.length() - 1) == ' ') {
          people.merge(full, 1, Integer::sum);
          break;
        }
      }
    }
    Map<String, Integer> organisations = new LinkedHashMap<>();
    for (int[] kind : kinds) {
      String name = trimLeading(organisationAround(text, kind[0], kind[1]));
      if (name.indexOf(' ') >= 0 && Character.isUpperCase(name.codePointAt(0))
          || name.startsWith("al-")) {
        organisations.merge(name, 1, Integer::sum);
      }
    }
    return new Found(entities(people, descriptions), entities(organisations, Map.of()));
  }

  /**
   * The words of {@code text} that attribution and organisations hang on, as a split of the text
   * into runs of letters and digits would find them: lower-case verbs of saying into
   * {@code verbs}, capitalised words for kinds of bodies into {@code kinds}, each as {start, end}
   * and in the text's order. Says whether the text holds a surrogate. Only the words that can be
   * one of theirs are read: the verbs are searched for (each a search the JDK runs over many
   * characters at once) and kept where they stand as whole words, and only words that start with
   * an ASCII capital are read to their end, so that most of the text is passed over without
   * being split.
   */
  static boolean findWords(String text, char[] chars, List<int[]> verbs, List<int[]> kinds) {
    int length = chars.length;
    for (String verb : VERBS) {
      for (int at = text.indexOf(verb); at >= 0; at = text.indexOf(verb, at + verb.length())) {
        int end = at + verb.length();
        if ((at == 0 || !isLetterOrDigit(chars[at - 1]))
            && (end == length || !isLetterOrDigit(chars[end]))) {
          verbs.add(new int[] {at, end});
        }
      }
    }
    if (verbs.size() > 1) {
      verbs.sort(Comparator.comparingInt(verb -> verb[0]));
    }
    boolean surrogates = false;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        if (i > 0 && isLetterOrDigit(chars[i - 1])) {
          continue;
        }
        int end = i + 1;
        while (end < length && isLetterOrDigit(chars[end])) {
          end++;
        }
        if (ORGANISATION_KINDS.contains(chars, i, end)) {
          kinds.add(new int[] {i, end});
        }
        i = end - 1;
      } else if (c >= Character.MIN_SURROGATE) {
        surrogates |= Character.isSurrogate(c);
      }
    }
    return surrogates;
  }

  /**
   * Whether a name may follow the verb that ends at {@code verbEnd}, as
   * {@link Attribution#VERB_THEN_NAME} reads one: a capital starts one of the next seven words,
   * each word before it lower-case letters and hyphens after its first letter and followed by
   * one space.
   */
  private static boolean mayNameAfter(char[] chars, int verbEnd) {
    int i = verbEnd;
    for (int words = 0; words < 7; words++) {
      if (i + 1 >= chars.length || chars[i] != ' ') {
        return false;
      }
      char first = chars[++i];
      if (Character.isUpperCase(first) || Character.isSurrogate(first)) {
        return true;
      }
      if (!Character.isLowerCase(first)) {
        return false;
      }
      i++;
      while (i < chars.length && (Character.isLowerCase(chars[i]) || chars[i] == '-')) {
        i++;
      }
    }
    return false;
  }

  /**
   * Whether {@code c} may stand in a name: a letter, an apostrophe, a hyphen or a space (or half
   * of a letter beyond the Basic Multilingual Plane).
   */
  private static boolean isNameChar(char c) {
    return c == ' ' || c == '\'' || c == '’' || c == '-' || Character.isLetter(c)
        || Character.isSurrogate(c);
  }

  /**
   * Where a name before the verb at {@code verb} would end: right before " said", or before the
   * comma that opens an apposition (", a director at ..., said"); -1 when neither can be.
   */
  private static int nameEndBefore(String text, int verb) {
    int space = verb - 1;
    if (space < 1 || text.charAt(space) != ' ') {
      return -1;
    }
    char last = text.charAt(space - 1);
    if (Character.isLetter(last)) {
      return space;
    }
    if (last == ',') {
      int open = text.lastIndexOf(',', space - 2);
      return open > 0 && space - 1 - open <= 81 ? open : -1;
    }
    return -1;
  }

  /**
   * Where a lone capitalised word right before the verb chars[verb, verbEnd) starts, one space
   * between them ("Hikmat said"), or -1: the word of letters, apostrophes and hyphens starts at
   * most 40 characters before the verb, with a capital after the start of a word ("O'Neil",
   * "al-Obeidi" from its capital), and neither it nor the verb runs on into a word character.
   */
  static int surnameBefore(char[] chars, int verb, int verbEnd) {
    int space = verb - 1;
    if (space < 2 || chars[space] != ' ' || verbEnd < chars.length && isWordChar(chars, verbEnd)) {
      return -1;
    }
    int run = space;
    while (run > 0 && isSurnameChar(chars[run - 1])) {
      run--;
    }
    for (int start = Math.max(run, verb - 40); start <= space - 2; start++) {
      if (Character.isUpperCase(chars[start]) && (start == 0 || !isWordChar(chars, start - 1))) {
        return start;
      }
    }
    return -1;
  }

  /** A character of a surname after its capital: a letter, an apostrophe or a hyphen. */
  private static boolean isSurnameChar(char c) {
    return Character.isLetter(c) || c == '\'' || c == '’' || c == '-';
  }

  /**
   * Whether a word goes on over chars[i], as a regular expression's word boundary tells: a letter
   * or digit, the underscore, or a combining mark that goes with a letter or digit before it.
   */
  private static boolean isWordChar(char[] chars, int i) {
    char c = chars[i];
    if (c < 0x80) {
      return ASCII_WORD[c] || c == '_';
    }
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    while (Character.getType(chars[i]) == Character.NON_SPACING_MARK && i > 0) {
      i--;
      if (Character.isLetterOrDigit(chars[i])) {
        return true;
      }
    }
    return false;
  }

  /** A letter or digit: what {@code \\b} separates words by (runs of them are words). */
  private static boolean isLetterOrDigit(char c) {
    return c < 0x80 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  /** The index {@code words} word starts before {@code end}, or 0. */
  private static int wordsBack(char[] chars, int end, int words) {
    int i = end;
    for (int seen = 0; seen < words && i > 0; ) {
      i--;
      if (!Character.isWhitespace(chars[i]) && (i == 0
          || Character.isWhitespace(chars[i - 1]))) {
        seen++;
      }
    }
    return i;
  }

  private static void count(String raw, int start, int end,
      Map<String, Integer> people, long[] counted) {
    String name = cleanName(raw);
    if (name != null && !overlaps(counted, start, end)) {
      for (int i = start; i < end; i++) {
        counted[i >> 6] |= 1L << i;
      }
      people.merge(name, 1, Integer::sum);
    }
  }

  /** The organisation name around a kind word: capitalised words before it, "of ..." after. */
  private static String organisationAround(String text, int kindStart, int kindEnd) {
    int start = kindStart;
    for (int words = 0; words < 6; words++) {
      int space = text.lastIndexOf(' ', start - 2);
      int wordStart = space + 1;
      if (start < 2 || text.charAt(start - 1) != ' ') {
        break;
      }
      String word = text.substring(wordStart, start - 1);
      if (!NAME_WORD.matcher(word).matches()) {
        break;
      }
      start = wordStart;
    }
    int end = kindEnd;
    Matcher tail = ORGANISATION_TAIL.matcher(text).region(kindEnd, Math.min(text.length(),
        kindEnd + 80));
    if (tail.lookingAt()) {
      end = tail.end();
    }
    return text.substring(start, end).trim();
  }

  /** Whether a character of text[start, end) is marked in {@code counted}. */
  private static boolean overlaps(long[] counted, int start, int end) {
    for (int i = start; i < end; i++) {
      if ((counted[i >> 6] & 1L << i) != 0) {
        return true;
      }
    }
    return false;
  }

  private static String cleanName(String raw) {
    String name = trimLeading(raw.trim());
    // Two words at least, the first not a pronoun or a group of people.
    int space = name.indexOf(' ');
    return space < 0 || NOT_NAMES.contains(name.substring(0, space)) ? null : name;
  }

  private static String trimLeading(String name) {
    String result = name;
    while (true) {
      int space = result.indexOf(' ');
      if (space < 0 || !isLeadingWord(result, space)) {
        return result;
      }
      result = result.substring(space + 1);
    }
  }

  /** Whether text[0, end) is one of {@link #LEADING_WORDS}. */
  private static boolean isLeadingWord(String text, int end) {
    for (String word : LEADING_WORDS) {
      if (word.length() == end && text.regionMatches(true, 0, word, 0, end)) {
        return true;
      }
    }
    return false;
  }

  private static List<NamedEntity> entities(Map<String, Integer> counts,
      Map<String, String> descriptions) {
    List<NamedEntity> entities = new ArrayList<>();
    counts.forEach((name, count) -> entities.add(NamedEntity.newBuilder().setName(name)
        .setMentionCount(count).setDescription(descriptions.get(name)).build()));
    return entities;
  }
}

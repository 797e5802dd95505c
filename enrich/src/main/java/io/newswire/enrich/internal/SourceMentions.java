package io.newswire.enrich.internal;

import io.newswire.avro.NamedEntity;
import java.util.ArrayList;
import java.util.Arrays;
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
  /** A capitalised name of two to four words, Arabic particles allowed inside. */
  private static final String NAME = "((?:Abu |Umm |Ibn )?\\p{Lu}[\\p{L}'’-]+"
      + "(?: (?:al-|el-|bin |bint |abu |Abu |de |van |von )?\\p{Lu}[\\p{L}'’-]+){1,3})";
  private static final String VERB = "(?:said|says|told|added|explained|warned|stated)";
  private static final Pattern VERB_WORD = Pattern.compile("\\b" + VERB + "\\b");
  private static final Pattern NAME_THEN_VERB = Pattern.compile(NAME + "(?:,[^,.\"”]{3,80},)?"
      + " " + VERB + "$");
  private static final Pattern VERB_THEN_NAME = Pattern.compile(VERB
      + " (?:[\\p{Ll}\\p{Lu}][\\p{Ll}-]* ){0,6}?" + NAME + "(?:, (?:an? |the )([^.\"”]{3,120}?))?"
      + "(?=[.,\"”;]|$| who| using)");
  private static final Pattern SURNAME_THEN_VERB = Pattern.compile(
      "\\b(\\p{Lu}[\\p{L}'’-]+) " + VERB + "\\b");
  /** A word that may stand in an organisation's name before the word saying what it is. */
  private static final Pattern NAME_WORD = Pattern.compile(
      "(?:al-|Al-)?\\p{Lu}[\\p{L}'’-]*|of|the");
  /** Organisation names end in (or are made of) words that say what kind of body they are. */
  private static final Vocabulary ORGANISATION_KINDS = new Vocabulary("Cells", "Brigade",
      "Brigades", "Council", "Ministry", "Forces", "Army", "Unit", "Company", "Authority", "Agency",
      "Centre", "Center", "Committee", "Police", "Party", "Movement", "Front", "Coalition",
      "Organisation", "Organization", "Association", "Union", "Bank", "University", "Institute",
      "Commission", "Office", "Department", "Corporation", "Group", "Fund", "Court");
  /** The ASCII letters and digits. */
  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  private static final Vocabulary VERBS = new Vocabulary("said", "says", "told", "added",
      "explained", "warned", "stated");
  private static final Pattern ORGANISATION_TAIL = Pattern.compile(
      "(?: (?:of|for) (?:the )?\\p{Lu}[\\p{L}'’-]*(?: (?:and the |and |of )?\\p{Lu}"
          + "[\\p{L}'’-]*){0,3})?");
  private static final Set<String> NOT_NAMES = Set.of("He", "She", "They", "It", "We", "I",
      "The", "This", "That", "Officials", "Residents", "Sources", "Police", "Witnesses");
  /** Words that lead into a name without being part of it, matched in any case. */
  private static final String[] LEADING_WORDS = {"The", "A", "An", "Of", "In", "On", "At", "As",
      "And", "But", "For", "With", "From"};

  /** A few words, found where they stand in a text with no string made: by length, letters. */
  private static final class Vocabulary {
    private final String[][] byLength;

    Vocabulary(String... words) {
      int longest = Arrays.stream(words).mapToInt(String::length).max().orElse(0);
      byLength = new String[longest + 1][];
      for (int length = 0; length <= longest; length++) {
        int n = length;
        byLength[length] = Arrays.stream(words).filter(w -> w.length() == n)
            .toArray(String[]::new);
      }
    }

    boolean contains(String text, int start, int end) {
      int length = end - start;
      if (length >= byLength.length) {
        return false;
      }
      char first = text.charAt(start);
      for (String word : byLength[length]) {
        if (word.charAt(0) == first && text.startsWith(word, start)) {
          return true;
        }
      }
      return false;
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
    List<int[]> counted = new ArrayList<>();
    // Attribution hangs on a verb: look only around each one, not from every capital letter.
    List<int[]> verbs = new ArrayList<>();
    List<int[]> kinds = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (!isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      // Only words of the right shape are looked up: lower-case verbs, capitalised kinds.
      char first = text.charAt(start);
      if (first >= 'a' && first <= 'z' && VERBS.contains(text, start, i)) {
        verbs.add(new int[] {start, i});
      } else if (Character.isUpperCase(first) && ORGANISATION_KINDS.contains(text, start, i)) {
        kinds.add(new int[] {start, i});
      }
    }
    for (int[] verbWord : verbs) {
      Matcher verb = VERB_WORD.matcher(text).region(verbWord[0], verbWord[1]);
      if (!verb.lookingAt()) {
        continue;
      }
      Matcher after = VERB_THEN_NAME.matcher(text)
          .region(verb.start(), Math.min(text.length(), verb.start() + 220));
      if (after.lookingAt()) {
        count(after, after.group(1), after.start(1), after.end(1), people, counted);
        if (after.group(2) != null) {
          String name = cleanName(after.group(1));
          if (name != null) {
            descriptions.putIfAbsent(name, after.group(2).trim());
          }
        }
      }
      int nameEnd = nameEndBefore(text, verb.start());
      if (nameEnd < 0) {
        continue;
      }
      // A name is at most eight words ("Abu" and four names with particles): start there.
      int from = Math.max(Math.max(0, verb.start() - 160), wordsBack(text, nameEnd, 9));
      Matcher before = NAME_THEN_VERB.matcher(text).region(from, verb.end());
      before.useAnchoringBounds(true);
      for (int start = from; start < verb.start(); start++) {
        if (Character.isUpperCase(text.charAt(start))
            && (start == 0 || !Character.isLetter(text.charAt(start - 1)))) {
          before.region(start, verb.end());
          if (before.lookingAt()) {
            count(before, before.group(1), before.start(1), before.end(1), people, counted);
            break;
          }
        }
      }
    }
    for (int[] verbWord : verbs) {
      Matcher surname = SURNAME_THEN_VERB.matcher(text)
          .region(Math.max(0, verbWord[0] - 40), verbWord[1]).useTransparentBounds(true);
      boolean found = false;
      while (!found && surname.find()) {
        found = surname.end() == verbWord[1];
      }
      if (!found || overlaps(counted, surname.start(1), surname.end(1))) {
        continue;
      }
      for (String full : people.keySet()) {
        if (full.endsWith(" " + surname.group(1))) {
          people.merge(full, 1, Integer::sum);
          break;
        }
      }
    }
    Map<String, Integer> organisations = new LinkedHashMap<>();
    for (int[] kind : kinds) {
      String name = trimLeading(organisationAround(text, kind[0], kind[1]));
      if (name.split(" ").length >= 2 && Character.isUpperCase(name.codePointAt(0))
          || name.startsWith("al-")) {
        organisations.merge(name, 1, Integer::sum);
      }
    }
    return new Found(entities(people, descriptions), entities(organisations, Map.of()));
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

  /** A letter or digit: what {@code \\b} separates words by (runs of them are words). */
  private static boolean isLetterOrDigit(char c) {
    return c < 0x80 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  /** The index {@code words} word starts before {@code end}, or 0. */
  private static int wordsBack(String text, int end, int words) {
    int i = end;
    for (int seen = 0; seen < words && i > 0; ) {
      i--;
      if (!Character.isWhitespace(text.charAt(i)) && (i == 0
          || Character.isWhitespace(text.charAt(i - 1)))) {
        seen++;
      }
    }
    return i;
  }

  private static void count(Matcher m, String raw, int start, int end,
      Map<String, Integer> people, List<int[]> counted) {
    String name = cleanName(raw);
    if (name != null && !overlaps(counted, start, end)) {
      counted.add(new int[] {start, end});
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

  private static boolean overlaps(List<int[]> spans, int start, int end) {
    for (int[] span : spans) {
      if (start < span[1] && end > span[0]) {
        return true;
      }
    }
    return false;
  }

  private static String cleanName(String raw) {
    String name = trimLeading(raw.trim());
    String first = name.split(" ")[0];
    if (NOT_NAMES.contains(first) || name.split(" ").length < 2) {
      return null;
    }
    return name;
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

package io.newswire.enrich.internal;

import io.newswire.avro.MentionedDate;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Dates a text names ("Tuesday (November 1st)", "March 5, 2017", "5 March"), normalised to a
 * calendar date against the publication time where the text leaves the year or the week open.
 * Without a publication time such dates stay unresolved rather than guessed.
 */
final class DateMentions {
  private static final String WEEKDAY =
      "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  private static final String MONTH = "(January|February|March|April|May|June|July|August"
      + "|September|October|November|December)";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  /** The weekdays and months, as the pattern spells them. */
  private static final String[] NAMES = Stream.of(WEEKDAY, MONTH)
      .flatMap(names -> Stream.of(names.substring(1, names.length() - 1).split("\\|")))
      .toArray(String[]::new);
  private static final Pattern DATE = Pattern.compile(
      "\\b(?:" + WEEKDAY + "(?:,? \\(?" + MONTH + " " + DAY + "\\)?)?"
          + "|" + MONTH + " " + DAY + "(?:,? (\\d{4}))?"
          + "|" + DAY + " " + MONTH + "(?: (\\d{4}))?)(?![\\p{L}\\p{N}])");

  /** The ASCII characters a date starts with: digits, and the capitals of the names. */
  private static final boolean[] STARTS = new boolean[0x80];
  /** The capitals of the months, which a date that starts with its day goes on to. */
  private static final boolean[] MONTH_STARTS = new boolean[0x80];
  /** The weekdays and months by their first letter (ASCII). */
  private static final String[][] NAMES_BY_START = new String[0x80][];

  static {
    for (char c = '0'; c <= '9'; c++) {
      STARTS[c] = true;
    }
    for (char c = 0; c < 0x80; c++) {
      char first = c;
      NAMES_BY_START[c] = Stream.of(NAMES).filter(name -> name.charAt(0) == first)
          .toArray(String[]::new);
      STARTS[c] |= NAMES_BY_START[c].length > 0;
    }
    for (String month : MONTH.substring(1, MONTH.length() - 1).split("\\|")) {
      MONTH_STARTS[month.charAt(0)] = true;
    }
  }

  private DateMentions() {
  }

  static List<MentionedDate> find(String text, Instant published) {
    LocalDate reference = published == null ? null
        : LocalDate.ofInstant(published, ZoneOffset.UTC);
    Map<String, MentionedDate> found = new LinkedHashMap<>();
    // Dates start a word with a digit or the capital of a weekday or month: try only there,
    // and only where the characters that follow can go on as a date does.
    Matcher m = DATE.matcher(text).useTransparentBounds(true);
    char[] chars = text.toCharArray();
    int length = chars.length;
    int i = 0;
    while (i < length) {
      char c = chars[i];
      if (c >= 0x80 || !STARTS[c] || i > 0 && Character.isLetterOrDigit(chars[i - 1])
          || !(c <= '9' ? mayStartWithDay(chars, i) : isNameAt(chars, i))
          || !m.region(i, length).lookingAt()) {
        i++;
        continue;
      }
      i = Math.max(i + 1, m.end());
      String surface = m.group().trim();
      LocalDate date = null;
      if (m.group(1) != null) {
        if (m.group(2) != null) {
          date = monthDay(m.group(2), m.group(3), null, reference);
        } else if (reference != null) {
          date = reference.with(TemporalAdjusters.previousOrSame(
              DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT))));
        }
      } else if (m.group(4) != null) {
        date = monthDay(m.group(4), m.group(5), m.group(6), reference);
      } else {
        date = monthDay(m.group(8), m.group(7), m.group(9), reference);
      }
      found.putIfAbsent(surface, MentionedDate.newBuilder().setText(surface)
          .setDate(date == null ? null : date.toString()).build());
    }
    return new ArrayList<>(found.values());
  }

  /**
   * Whether the digits at {@code i} can start a date ("5 March", "21st June"): one or two of
   * them, perhaps an ordinal's ending, a space and a month's capital. Numbers in prose ("28
   * percent", "2017") mostly cannot, and are not handed to the pattern.
   */
  private static boolean mayStartWithDay(char[] chars, int i) {
    int j = i + 1;
    if (j < chars.length && chars[j] >= '0' && chars[j] <= '9') {
      j++;
    }
    if (j + 1 < chars.length && isOrdinalEnding(chars[j], chars[j + 1])) {
      j += 2;
    }
    return j + 1 < chars.length && chars[j] == ' ' && chars[j + 1] < 0x80
        && MONTH_STARTS[chars[j + 1]];
  }

  private static boolean isOrdinalEnding(char a, char b) {
    return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd'
        || a == 't' && b == 'h';
  }

  /**
   * Whether the letters and digits at {@code i} are a weekday's or a month's name, as every date
   * that starts with a letter needs ("Monday", "March 5"): most capitalised words are neither.
   * The names are all letters, so a name's characters with no letter or digit after them are
   * the whole word.
   */
  private static boolean isNameAt(char[] chars, int i) {
    for (String name : NAMES_BY_START[chars[i]]) {
      int end = i + name.length();
      if (end <= chars.length && isAt(name, chars, i)
          && (end == chars.length || !Character.isLetterOrDigit(chars[end]))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAt(String name, char[] chars, int i) {
    for (int k = 1; k < name.length(); k++) {
      if (chars[i + k] != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static LocalDate monthDay(String month, String day, String year, LocalDate reference) {
    int dayOfMonth = Integer.parseInt(day);
    Month m = Month.valueOf(month.toUpperCase(Locale.ROOT));
    if (dayOfMonth < 1 || dayOfMonth > m.maxLength()) {
      return null;
    }
    if (year != null) {
      return safeDate(Integer.parseInt(year), m, dayOfMonth);
    }
    if (reference == null) {
      return null;
    }
    // A date without a year is the one nearest the publication date (last December, this June).
    LocalDate same = safeDate(reference.getYear(), m, dayOfMonth);
    LocalDate previous = safeDate(reference.getYear() - 1, m, dayOfMonth);
    LocalDate next = safeDate(reference.getYear() + 1, m, dayOfMonth);
    LocalDate best = same;
    for (LocalDate candidate : new LocalDate[] {previous, next}) {
      if (candidate != null && (best == null || Math.abs(candidate.toEpochDay()
          - reference.toEpochDay()) < Math.abs(best.toEpochDay() - reference.toEpochDay()))) {
        best = candidate;
      }
    }
    return best;
  }

  private static LocalDate safeDate(int year, Month month, int day) {
    return day <= month.length(Year.isLeap(year)) ? LocalDate.of(year, month, day)
        : null;
  }
}

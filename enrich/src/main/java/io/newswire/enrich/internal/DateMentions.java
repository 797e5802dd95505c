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
import java.util.stream.Stream;

/**
 * Dates a text names ("Tuesday (November 1st)", "March 5, 2017", "5 March"), normalised to a
 * calendar date against the publication time where the text leaves the year or the week open.
 * Without a publication time such dates stay unresolved rather than guessed.
 *
 * <p>A date starts a word and is, in the first of these forms that fits, followed by no letter
 * or number: a weekday, perhaps with ", (Month day)" (comma and brackets optional); "Month day",
 * perhaps with ", year" (comma optional); "day Month", perhaps with " year". A day is one or two
 * ASCII digits, perhaps with an ordinal's ending; a year four. {@code DateMentionsTest} holds
 * the reading to the regular expression that says the same.
 */
final class DateMentions {
  private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December"};
  /** The weekdays and months. */
  private static final String[] NAMES = Stream.concat(Stream.of(WEEKDAYS), Stream.of(MONTHS))
      .toArray(String[]::new);

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
    for (String month : MONTHS) {
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
    char[] chars = text.toCharArray();
    int length = chars.length;
    int i = 0;
    while (i < length) {
      char c = chars[i];
      Read date;
      if (c >= 0x80 || !STARTS[c] || i > 0 && Character.isLetterOrDigit(chars[i - 1])
          || !(c <= '9' ? mayStartWithDay(chars, i) : isNameAt(chars, i))
          || (date = read(chars, i)) == null) {
        i++;
        continue;
      }
      String surface = text.substring(i, date.end()).trim();
      i = Math.max(i + 1, date.end());
      found.putIfAbsent(surface, MentionedDate.newBuilder().setText(surface)
          .setDate(resolve(date, reference)).build());
    }
    return new ArrayList<>(found.values());
  }

  /** The calendar date a mention names, as ISO text, or null where it leaves it open. */
  private static String resolve(Read date, LocalDate reference) {
    LocalDate resolved = null;
    if (date.month() != null) {
      resolved = monthDay(date.month(), date.day(), date.year(), reference);
    } else if (reference != null) {
      resolved = reference.with(TemporalAdjusters.previousOrSame(
          DayOfWeek.valueOf(date.weekday().toUpperCase(Locale.ROOT))));
    }
    return resolved == null ? null : resolved.toString();
  }

  /** What a date mention says: the end of its text, and its parts, null where absent. */
  record Read(int end, String weekday, String month, String day, String year) {
  }

  /**
   * The date at {@code i}, read as the grammar in the class comment reads it (the first of its
   * forms that matches, each part as long as it goes and shortened where what follows does not
   * fit), or null.
   */
  static Read read(char[] chars, int i) {
    if (wordBefore(chars, i)) {
      return null;
    }
    String weekday = nameAt(chars, i, WEEKDAYS);
    if (weekday != null) {
      // The weekday, then perhaps the date in the month: ", (November 1st)".
      int after = i + weekday.length();
      int at = after < chars.length && chars[after] == ',' ? after + 1 : after;
      if (at < chars.length && chars[at] == ' ') {
        at++;
        at = at < chars.length && chars[at] == '(' ? at + 1 : at;
        String month = nameAt(chars, at, MONTHS);
        int dayStart = month == null ? -1 : at + month.length() + 1;
        int dayEnd = month == null || dayStart > chars.length || chars[dayStart - 1] != ' ' ? -1
            : digitsEnd(chars, dayStart);
        if (dayEnd >= 0) {
          int end = ordinalEnd(chars, dayEnd);
          if (end < chars.length && chars[end] == ')') {
            end = endsWord(chars, end + 1) ? end + 1 : end;
          } else if (!endsWord(chars, end)) {
            end = -1;
          }
          if (end >= 0) {
            return new Read(end, weekday, month, day(chars, dayStart, dayEnd), null);
          }
        }
      }
      return endsWord(chars, after) ? new Read(after, weekday, null, null, null) : null;
    }
    String month = nameAt(chars, i, MONTHS);
    if (month != null) {
      // "March 5", "March 5, 2017".
      int dayStart = i + month.length() + 1;
      if (dayStart > chars.length || chars[dayStart - 1] != ' ') {
        return null;
      }
      int dayEnd = digitsEnd(chars, dayStart);
      if (dayEnd < 0) {
        return null;
      }
      int end = ordinalEnd(chars, dayEnd);
      int space = end < chars.length && chars[end] == ',' ? end + 1 : end;
      String day = day(chars, dayStart, dayEnd);
      if (space < chars.length && chars[space] == ' ' && isYear(chars, space + 1)
          && endsWord(chars, space + 5)) {
        return new Read(space + 5, null, month, day, new String(chars, space + 1, 4));
      }
      return endsWord(chars, end) ? new Read(end, null, month, day, null) : null;
    }
    // "5 March", "21st June 2017".
    int dayEnd = digitsEnd(chars, i);
    if (dayEnd < 0) {
      return null;
    }
    int space = ordinalEnd(chars, dayEnd);
    if (space >= chars.length || chars[space] != ' '
        || (month = nameAt(chars, space + 1, MONTHS)) == null) {
      return null;
    }
    int end = space + 1 + month.length();
    String day = day(chars, i, dayEnd);
    if (end < chars.length && chars[end] == ' ' && isYear(chars, end + 1)
        && endsWord(chars, end + 5)) {
      return new Read(end + 5, null, month, day, new String(chars, end + 1, 4));
    }
    return endsWord(chars, end) ? new Read(end, null, month, day, null) : null;
  }

  private static String day(char[] chars, int start, int end) {
    return new String(chars, start, end - start);
  }

  /** The one of {@code names} the text starts with at {@code i}, or null. */
  private static String nameAt(char[] chars, int i, String[] names) {
    for (String name : names) {
      if (i + name.length() <= chars.length && chars[i] == name.charAt(0)
          && isAt(name, chars, i)) {
        return name;
      }
    }
    return null;
  }

  /** Where one or two ASCII digits from {@code i} end (as many as there are), or -1. */
  private static int digitsEnd(char[] chars, int i) {
    if (i >= chars.length || !isDigit(chars[i])) {
      return -1;
    }
    return i + 1 < chars.length && isDigit(chars[i + 1]) ? i + 2 : i + 1;
  }

  /** Past an ordinal's ending at {@code i} ("st", "nd", "rd", "th"), or {@code i}. */
  private static int ordinalEnd(char[] chars, int i) {
    return i + 1 < chars.length && isOrdinalEnding(chars[i], chars[i + 1]) ? i + 2 : i;
  }

  /** Four ASCII digits from {@code i}. */
  private static boolean isYear(char[] chars, int i) {
    if (i + 4 > chars.length) {
      return false;
    }
    for (int k = i; k < i + 4; k++) {
      if (!isDigit(chars[k])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether no letter or number (of any script) follows at {@code i}. */
  private static boolean endsWord(char[] chars, int i) {
    if (i >= chars.length) {
      return true;
    }
    int c = Character.codePointAt(chars, i);
    int type = Character.getType(c);
    return !Character.isLetter(c) && type != Character.DECIMAL_DIGIT_NUMBER
        && type != Character.LETTER_NUMBER && type != Character.OTHER_NUMBER;
  }

  /**
   * Whether a word goes on into {@code i} from before it, as a regular expression's word
   * boundary tells: a letter, digit or underscore before it, or a combining mark on one.
   */
  private static boolean wordBefore(char[] chars, int i) {
    if (i == 0) {
      return false;
    }
    int c = Character.codePointBefore(chars, i);
    if (c == '_' || Character.isLetterOrDigit(c)) {
      return true;
    }
    if (Character.getType(c) != Character.NON_SPACING_MARK) {
      return false;
    }
    for (int x = i - 1; x >= 0; x--) {
      int base = Character.codePointAt(chars, x);
      if (Character.isLetterOrDigit(base)) {
        return true;
      }
      if (Character.getType(base) != Character.NON_SPACING_MARK) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the digits at {@code i} can start a date ("5 March", "21st June"): one or two of
   * them, perhaps an ordinal's ending, a space and a month's capital. Numbers in prose ("28
   * percent", "2017") mostly cannot, and are not read further.
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

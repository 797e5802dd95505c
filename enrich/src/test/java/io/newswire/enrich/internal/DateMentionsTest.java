package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newswire.avro.MentionedDate;
import java.time.Instant;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DateMentionsTest {
  private static final Instant PUBLISHED = Instant.parse("2020-02-29T10:00:00Z");
  private static final String WEEKDAY =
      "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  private static final String MONTH = "(January|February|March|April|May|June|July|August"
      + "|September|October|November|December)";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  /** The dates {@link DateMentions} reads, as one regular expression. */
  private static final Pattern DATE = Pattern.compile(
      "\\b(?:" + WEEKDAY + "(?:,? \\(?" + MONTH + " " + DAY + "\\)?)?"
          + "|" + MONTH + " " + DAY + "(?:,? (\\d{4}))?"
          + "|" + DAY + " " + MONTH + "(?: (\\d{4}))?)(?![\\p{L}\\p{N}])");
  /**
   * Pieces of dates and of what breaks them: names, digits, ordinals, brackets, word characters
   * before and after, a combining mark, letters and digits beyond the Basic Multilingual Plane,
   * and numbers that are not digits.
   */
  private static final String[] PIECES = {"Monday", "Sunday", "March", "May", "June", "December",
      "1", "5", "12", "31", "123", "2017", "20171", "st", "nd", "th", "rd", " ", " ", " ", ",",
      ", ", "(", ")", "_", "a", "s", "x", "\u0301", "é", "\uD835\uDC00", "\uD835\uDFCE", "Ⅻ", "½",
      "\n", ".", "Mondays", "Mayday", "Monday, (March 1st)", "March 5, 2017", "5 March 2017"};

  @Test
  void shouldReadEachFormAgainstThePublicationDate() {
    assertThat(DateMentions.find("On Tuesday (November 1st) and March 5, 2017, then 5 March and"
        + " Sunday.", PUBLISHED)).extracting(MentionedDate::getText, MentionedDate::getDate)
        .containsExactly(tuple("Tuesday (November 1st)", "2019-11-01"),
            tuple("March 5, 2017", "2017-03-05"), tuple("5 March", "2020-03-05"),
            tuple("Sunday", "2020-02-23"));
  }

  @Test
  void shouldTakeOnlyWholeNamesOfDaysAndMonths() {
    assertThat(DateMentions.find("Mondays, Mayday, MarchMay 5, Sundays and the Mosul of June 3",
        PUBLISHED)).extracting(MentionedDate::getText).containsExactly("June 3");
  }

  @Test
  void shouldLeaveOpenDatesUnresolvedWithoutAPublicationTime() {
    assertThat(DateMentions.find("Friday and 3 May", null))
        .extracting(MentionedDate::getText, MentionedDate::getDate)
        .containsExactly(tuple("Friday", null), tuple("3 May", null));
  }

  @Test
  void shouldReadDaysBeforeMonthsAmongOtherNumbers() {
    assertThat(DateMentions.find("Some 28 people, 123 May, 2017 June, 12 percent, 21st June, 2nd"
        + " of May, 3rd  May, 22nd March 2019, 7 Mayor, (4 July), x5 May, 31 December and 9",
        PUBLISHED)).extracting(MentionedDate::getText, MentionedDate::getDate)
        .containsExactly(tuple("21st June", "2020-06-21"), tuple("22nd March 2019", "2019-03-22"),
            tuple("4 July", "2020-07-04"), tuple("31 December", "2019-12-31"));
  }

  /** At every position of random texts, the reading is the expression's, part by part. */
  @Test
  void shouldReadDatesAsTheExpressionDoes() {
    Random random = new Random(23);
    int dates = 0;
    for (int round = 0; round < 40_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(16); k > 0; k--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String s = text.toString();
      char[] chars = s.toCharArray();
      Matcher m = DATE.matcher(s).useTransparentBounds(true);
      for (int i = 0; i < chars.length; i++) {
        DateMentions.Read read = DateMentions.read(chars, i);
        if (!m.region(i, chars.length).lookingAt()) {
          assertThat(read).as("at %s of [%s]", i, s).isNull();
          continue;
        }
        dates++;
        boolean weekday = m.group(1) != null;
        boolean monthFirst = m.group(4) != null;
        assertThat(read).as("at %s of [%s]", i, s).isEqualTo(new DateMentions.Read(m.end(),
            m.group(1), weekday ? m.group(2) : monthFirst ? m.group(4) : m.group(8),
            weekday ? m.group(3) : monthFirst ? m.group(5) : m.group(7),
            weekday ? null : monthFirst ? m.group(6) : m.group(9)));
      }
    }
    assertThat(dates).isGreaterThan(15_000);
  }
}

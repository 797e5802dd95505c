package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newswire.avro.MentionedDate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateMentionsTest {
  private static final Instant PUBLISHED = Instant.parse("2020-02-29T10:00:00Z");

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
}

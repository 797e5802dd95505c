package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newswire.avro.NamedEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SourceMentionsTest {
  @Test
  void shouldCountALaterSurnameForTheFullNameMetBefore() {
    SourceMentions.Found found = SourceMentions.find("\"It will take a year,\" said Karim"
        + " Jaber, a director at the Ninawa Centre. Jaber said the road was closed. Sean O'Neil"
        + " told reporters the same. O'Neil said so twice, and \"O'Neil\" said nothing.");

    assertThat(found.people()).extracting(NamedEntity::getName, NamedEntity::getMentionCount,
        NamedEntity::getDescription).containsExactly(
            tuple("Karim Jaber", 2, "director at the Ninawa Centre"),
            tuple("Sean O'Neil", 2, null));
  }

  @Test
  void shouldTakeNoSurnameThatRunsOnIntoAWordOrIsNotRightBeforeTheVerb() {
    SourceMentions.Found found = SourceMentions.find("Ali Hikmat said it first. 3Hikmat said"
        + " it again, Hikmat  said it twice, and xHikmat said it once. Hikmat said_x.");

    assertThat(found.people()).extracting(NamedEntity::getName, NamedEntity::getMentionCount)
        .containsExactly(tuple("Ali Hikmat", 1));
  }

  @Test
  void shouldFindOrganisationsByTheWordSayingWhatKindOfBodyTheyAre() {
    SourceMentions.Found found = SourceMentions.find("A commander with the Mosul Liberation"
        + " Cells spoke to the Ministry of Health on Monday and to the Ministry of Health again;"
        + " the Union was not there.");

    assertThat(found.organisations()).extracting(NamedEntity::getName,
        NamedEntity::getMentionCount).containsExactly(tuple("Mosul Liberation Cells", 1),
            tuple("Ministry of Health", 2));
  }

  /** The surname before a verb is the one the expression it stands for finds. */
  @Test
  void shouldFindTheSurnameBeforeAVerbWhereTheExpressionDoes() {
    Pattern surnameThenSaid = Pattern.compile("\\b(\\p{Lu}[\\p{L}'’-]+) said\\b");
    String alphabet = "aAbBHhkK '’-_.,3\"éÉ\u0301";
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(50); k > 0; k--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      int verb = text.length() + 1;
      text.append(" said");
      if (random.nextBoolean()) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      Matcher expected = surnameThenSaid.matcher(s).region(Math.max(0, verb - 40), verb + 4)
          .useTransparentBounds(true);
      int start = -1;
      while (start < 0 && expected.find()) {
        start = expected.end() == verb + 4 ? expected.start(1) : -1;
      }
      boolean wholeVerb = s.length() == verb + 4 || !Character.isLetterOrDigit(s.charAt(verb + 4));
      if (wholeVerb) {
        assertThat(SourceMentions.surnameBefore(s.toCharArray(), verb, verb + 4)).as(s)
            .isEqualTo(start);
      }
    }
  }

  /** Pieces random texts are made of: the words looked for, near misses, and what splits them. */
  private static final String[] PIECES = {"said", "says", "told", "added", "explained", "warned",
      "stated", "Council", "Cells", "Brigades", "Court", "Union", "Ministry", "Organization",
      "Said", "SAID", "saidx", "xsaid", "unsaid", "Councils", "McCouncil", "council", "the",
      "Mosul", "2", "x", "é", "É", "ç", "\u0301", "\ud83d\ude00", "\ud83d", "\ude00", "_", "'",
      "’", "-", ".", ",", " ", " ", " ", "\n", "\u00a0", "\u2009"};

  @Test
  void shouldFindTheWordsASplitOfTheWholeTextFinds() {
    Random random = new Random(17);
    int verbs = 0;
    int kinds = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String s = text.toString();
      List<int[]> foundVerbs = new ArrayList<>();
      List<int[]> foundKinds = new ArrayList<>();
      boolean surrogates = SourceMentions.findWords(s, s.toCharArray(), foundVerbs, foundKinds);
      List<int[]> splitVerbs = new ArrayList<>();
      List<int[]> splitKinds = new ArrayList<>();
      assertThat(surrogates).as(s).isEqualTo(split(s, splitVerbs, splitKinds));
      assertThat(foundVerbs).as(s).containsExactlyElementsOf(splitVerbs);
      assertThat(foundKinds).as(s).containsExactlyElementsOf(splitKinds);
      verbs += splitVerbs.size();
      kinds += splitKinds.size();
    }
    assertThat(verbs).isGreaterThan(5_000);
    assertThat(kinds).isGreaterThan(5_000);
  }

  /**
   * What {@link SourceMentions#findWords} must find: the text split into runs of letters and
   * digits, each looked up by its shape.
   */
  private static boolean split(String s, List<int[]> verbs, List<int[]> kinds) {
    List<String> verbWords = List.of(SourceMentions.VERBS);
    Set<String> kindWords = Set.of(SourceMentions.KINDS);
    boolean surrogates = false;
    int i = 0;
    while (i < s.length()) {
      if (!Character.isLetterOrDigit(s.charAt(i))) {
        surrogates |= Character.isSurrogate(s.charAt(i));
        i++;
        continue;
      }
      int start = i;
      while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
        i++;
      }
      String word = s.substring(start, i);
      if (verbWords.contains(word)) {
        verbs.add(new int[] {start, i});
      } else if (kindWords.contains(word)) {
        kinds.add(new int[] {start, i});
      }
    }
    return surrogates;
  }
}

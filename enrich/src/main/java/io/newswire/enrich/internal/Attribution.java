package io.newswire.enrich.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two forms of attribution around a verb of saying: the name after the verb, with what the
 * text says the person is ("said Abu Omar, a commander with ..."), and the name before it
 * ("Karim Jaber, a director at ..., said"). Each is defined by a regular expression. In a text
 * without surrogates, which is nearly every article, they are read by hand over the characters
 * instead, with the same answers and without the expressions' backtracking machinery, which
 * cost more than the rest of the step; {@code AttributionTest} holds the two readings to each
 * other. A verb is passed as chars[verbStart, verbEnd): a whole word, one of the expressions'
 * verbs, as {@link SourceMentions} finds them.
 */
final class Attribution {
  /** A capitalised name of two to four words, Arabic particles allowed inside. */
  private static final String NAME = "((?:Abu |Umm |Ibn )?\\p{Lu}[\\p{L}'’-]+"
      + "(?: (?:al-|el-|bin |bint |abu |Abu |de |van |von )?\\p{Lu}[\\p{L}'’-]+){1,3})";
  private static final String[] FIRST_PARTICLES = {"Abu ", "Umm ", "Ibn "};
  private static final String[] PARTICLES = {"al-", "el-", "bin ", "bint ", "abu ", "Abu ", "de ",
      "van ", "von "};
  private static final String VERB = "(?:said|says|told|added|explained|warned|stated)";
  /** The name before a verb, matched from a capital to the verb's end. */
  static final Pattern NAME_THEN_VERB = Pattern.compile(NAME + "(?:,[^,.\"”]{3,80},)?"
      + " " + VERB + "$");
  /** The name after a verb, matched from the verb over at most {@link #AFTER_REACH} chars. */
  static final Pattern VERB_THEN_NAME = Pattern.compile(VERB
      + " (?:[\\p{Ll}\\p{Lu}][\\p{Ll}-]* ){0,6}?" + NAME + "(?:, (?:an? |the )([^.\"”]{3,120}?))?"
      + "(?=[.,\"”;]|$| who| using)");
  static final int AFTER_REACH = 220;

  private final String text;
  private final char[] chars;
  private final boolean byHand;
  private Matcher after;
  private Matcher before;
  /** Where the current form's reading may not go: its matcher's region end. */
  private int limit;
  /** For the name before a verb: where the verb starts. */
  private int verbStart;
  private boolean nameAfterVerb;
  private int nameStart;
  private int nameEnd;
  private int descriptionStart;
  private int descriptionEnd;

  /**
   * @param chars the text's characters
   * @param surrogates whether the text holds a surrogate (then the expressions read it)
   */
  Attribution(String text, char[] chars, boolean surrogates) {
    this.text = text;
    this.chars = chars;
    this.byHand = !surrogates;
  }

  /** Whether {@link #VERB_THEN_NAME} matches at the verb chars[verbStart, verbEnd). */
  boolean nameAfter(int verbStart, int verbEnd) {
    int regionEnd = Math.min(chars.length, verbStart + AFTER_REACH);
    if (!byHand) {
      after = after == null ? VERB_THEN_NAME.matcher(text) : after;
      after.region(verbStart, regionEnd);
      return after.lookingAt() && found(after);
    }
    limit = regionEnd;
    nameAfterVerb = true;
    int at = verbEnd;
    if (at >= limit || chars[at] != ' ') {
      return false;
    }
    at++;
    // Lazily: the name as soon as it can start, else one more word before it, up to six.
    for (int words = 0; ; words++) {
      if (name(at)) {
        return true;
      }
      if (words == 6 || at >= limit || !isLowerCase(chars[at]) && !isUpperCase(chars[at])) {
        return false;
      }
      int end = at + 1;
      while (end < limit && (isLowerCase(chars[end]) || chars[end] == '-')) {
        end++;
      }
      if (end >= limit || chars[end] != ' ') {
        return false;
      }
      at = end + 1;
    }
  }

  /**
   * Whether {@link #NAME_THEN_VERB} matches from {@code start} to the end of the verb
   * chars[verbStart, verbEnd).
   */
  boolean nameBefore(int start, int verbStart, int verbEnd) {
    if (!byHand) {
      before = before == null ? NAME_THEN_VERB.matcher(text) : before;
      before.region(start, verbEnd);
      return before.lookingAt() && found(before);
    }
    limit = verbEnd;
    this.verbStart = verbStart;
    nameAfterVerb = false;
    return name(start);
  }

  int nameStart() {
    return nameStart;
  }

  int nameEnd() {
    return nameEnd;
  }

  /** The description's start after a name after the verb, or -1. */
  int descriptionStart() {
    return descriptionStart;
  }

  int descriptionEnd() {
    return descriptionEnd;
  }

  private boolean found(Matcher m) {
    nameStart = m.start(1);
    nameEnd = m.end(1);
    boolean described = m.groupCount() > 1 && m.start(2) >= 0;
    descriptionStart = described ? m.start(2) : -1;
    descriptionEnd = described ? m.end(2) : -1;
    return true;
  }

  /** NAME from {@code at}, then the rest of the form, in the expression's order of tries. */
  private boolean name(int at) {
    nameStart = at;
    int particle = particleEnd(at, FIRST_PARTICLES);
    if (particle >= 0) {
      int end = wordEnd(particle);
      if (end >= 0 && moreWords(end, 0)) {
        return true;
      }
    }
    int end = wordEnd(at);
    return end >= 0 && moreWords(end, 0);
  }

  /** Greedily one to three more words, each after a space and maybe a particle. */
  private boolean moreWords(int at, int words) {
    if (words < 3 && at < limit && chars[at] == ' ') {
      int particle = particleEnd(at + 1, PARTICLES);
      if (particle >= 0) {
        int end = wordEnd(particle);
        if (end >= 0 && moreWords(end, words + 1)) {
          return true;
        }
      }
      int end = wordEnd(at + 1);
      if (end >= 0 && moreWords(end, words + 1)) {
        return true;
      }
    }
    return words >= 1 && (nameAfterVerb ? describedAfter(at) : verbAfter(at));
  }

  /** After a name after the verb: ", a|an|the DESCRIPTION" if it can be, then the end. */
  private boolean describedAfter(int end) {
    if (end + 1 < limit && chars[end] == ',' && chars[end + 1] == ' ') {
      int from = articleEnd(end + 2);
      // The shortest description of 3 to 120 characters that the end can follow.
      for (int i = from; from >= 0 && i < limit && i - from < 120 && !isStop(chars[i]); ) {
        i++;
        if (i - from >= 3 && endsName(i)) {
          nameEnd = end;
          descriptionStart = from;
          descriptionEnd = i;
          return true;
        }
      }
    }
    if (endsName(end)) {
      nameEnd = end;
      descriptionStart = -1;
      descriptionEnd = -1;
      return true;
    }
    return false;
  }

  /** Where "a ", "an " or "the " at {@code at} ends, or -1. */
  private int articleEnd(int at) {
    if (at < limit && chars[at] == 'a') {
      if (at + 2 < limit && chars[at + 1] == 'n' && chars[at + 2] == ' ') {
        return at + 3;
      }
      return at + 1 < limit && chars[at + 1] == ' ' ? at + 2 : -1;
    }
    return startsWith(at, "the ") ? at + 4 : -1;
  }

  /** The expression's lookahead after the name or description: {@code [.,"”;]|$| who| using}. */
  private boolean endsName(int at) {
    if (at < limit) {
      char c = chars[at];
      if (c == '.' || c == ',' || c == '"' || c == '”' || c == ';') {
        return true;
      }
    }
    return atEnd(at) || startsWith(at, " who") || startsWith(at, " using");
  }

  /**
   * {@code $} at the region's end, as the expression reads it: at the end itself, or before a
   * line terminator that ends it.
   */
  private boolean atEnd(int at) {
    if (at < limit - 2) {
      return false;
    }
    if (at == limit - 2) {
      return chars[at] == '\r' && chars[at + 1] == '\n';
    }
    if (at < limit) {
      char c = chars[at];
      return c == '\n' ? at == 0 || chars[at - 1] != '\r'
          : c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
    return true;
  }

  /** After a name before the verb: ",APPOSITION," if it can be, then a space and the verb. */
  private boolean verbAfter(int end) {
    if (end < limit && chars[end] == ',') {
      int i = end + 1;
      while (i < limit && i - end - 1 < 80 && chars[i] != ',' && !isStop(chars[i])) {
        i++;
      }
      if (i - end - 1 >= 3 && i < limit && chars[i] == ',' && i + 2 == verbStart
          && chars[i + 1] == ' ') {
        nameEnd = end;
        return true;
      }
    }
    if (end + 1 == verbStart && chars[end] == ' ') {
      nameEnd = end;
      return true;
    }
    return false;
  }

  /** A full stop or a quotation mark, which no description or apposition runs over. */
  private static boolean isStop(char c) {
    return c == '.' || c == '"' || c == '”';
  }

  /** The end of a capitalised word of letters, apostrophes and hyphens from {@code at}, or -1. */
  private int wordEnd(int at) {
    if (at >= limit || !isUpperCase(chars[at])) {
      return -1;
    }
    int end = at + 1;
    while (end < limit && isNameChar(chars[end])) {
      end++;
    }
    return end > at + 1 ? end : -1;
  }

  /** Where the one of {@code particles} at {@code at} ends, or -1 (they never share a start). */
  private int particleEnd(int at, String[] particles) {
    for (String particle : particles) {
      if (startsWith(at, particle)) {
        return at + particle.length();
      }
    }
    return -1;
  }

  private boolean startsWith(int at, String word) {
    if (at + word.length() > limit) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (chars[at + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** {@code \p{Lu}}: the general category, not {@link Character#isUpperCase(char)}. */
  private static boolean isUpperCase(char c) {
    return c < 0x80 ? c >= 'A' && c <= 'Z'
        : Character.getType(c) == Character.UPPERCASE_LETTER;
  }

  /** {@code \p{Ll}}. */
  private static boolean isLowerCase(char c) {
    return c < 0x80 ? c >= 'a' && c <= 'z'
        : Character.getType(c) == Character.LOWERCASE_LETTER;
  }

  /** {@code [\p{L}'’-]}. */
  private static boolean isNameChar(char c) {
    return c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' || c == '-'
        : c == '’' || Character.isLetter(c);
  }
}

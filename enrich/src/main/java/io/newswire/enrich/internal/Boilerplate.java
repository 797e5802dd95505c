package io.newswire.enrich.internal;

import io.newswire.avro.Caption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is not the article: comment widgets and "Do you like this article?" footers, share and
 * newsletter prompts; and how captions and bylines are written.
 */
final class Boilerplate {
  /** The lines from which on everything is page furniture, not article, as patterns. */
  private static final List<String> FOOTER_FORMS = List.of("do you like this article\\??",
      "\\d+ comment\\(s\\)", "comment policy\\b.*", "share this article.*",
      "related articles?:?", "sign up for our newsletter.*", "leave a comment.*", "read more:?",
      "advertisement");
  private static final Pattern FOOTER_START = Pattern.compile(
      "(?i)^(" + String.join("|", FOOTER_FORMS) + ")$");
  /**
   * The first two letters of the forms that start with letters, as {@code first << 16 |
   * second}; the one form left starts with a digit.
   */
  private static final int[] FOOTER_PAIRS = FOOTER_FORMS.stream()
      .filter(form -> Character.isLetter(form.charAt(0)))
      .mapToInt(form -> form.charAt(0) << 16 | form.charAt(1)).distinct().toArray();
  private static final Pattern CREDIT = Pattern.compile(
      "^(.*?)\\s*[\\[(]((?:photo|picture|image|video|file photo)\\b[^\\])]*|[^\\])]*"
          + "\\b(?:courtesy|credit|via|/ ?(?:AFP|Reuters|AP|Getty))\\b[^\\])]*)[\\])]\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BYLINE = Pattern.compile("^(?i:by)\\s+(.+)$");
  private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b|&)\\s*");
  private static final Pattern ROLE_TAIL = Pattern.compile(
      "(?i)\\s*[|,]\\s*(staff writer|correspondent|reporter|editor)\\b.*$");

  private Boilerplate() {
  }

  /** Whether this line starts the page footer. */
  static boolean isFooterStart(String line) {
    String trimmed = line.trim();
    return mayStartFooter(trimmed) && FOOTER_START.matcher(trimmed).matches();
  }

  /**
   * Whether a line starts as a footer line can: with a digit, or with the first two letters of
   * one, in either case (the pattern's, ASCII only). Paragraphs mostly do not.
   */
  private static boolean mayStartFooter(String line) {
    if (line.length() < 2) {
      return false;
    }
    char first = line.charAt(0);
    if (first >= '0' && first <= '9') {
      return true;
    }
    int pair = asciiLower(first) << 16 | asciiLower(line.charAt(1));
    for (int footer : FOOTER_PAIRS) {
      if (pair == footer) {
        return true;
      }
    }
    return false;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** A caption with its bracketed credit split off, or null when the text carries no credit. */
  static Caption caption(String text) {
    String trimmed = text.trim();
    if (!trimmed.endsWith(")") && !trimmed.endsWith("]")) {
      return null;
    }
    Matcher m = CREDIT.matcher(trimmed);
    if (!m.matches() || m.group(1).isBlank()) {
      return null;
    }
    return Caption.newBuilder().setText(m.group(1).trim()).setCredit(m.group(2).trim()).build();
  }

  /** The names of a byline ("By A and B"), or empty when the line is not one. */
  static List<String> bylineNames(String line) {
    Matcher m = BYLINE.matcher(line.trim());
    if (!m.matches() || line.length() > 120) {
      return List.of();
    }
    String names = ROLE_TAIL.matcher(m.group(1)).replaceAll("");
    return Arrays.stream(NAME_SEPARATOR.split(names)).map(String::trim)
        .filter(n -> !n.isEmpty()).toList();
  }

  /** Captions in first-seen order, each once. */
  static List<Caption> distinct(List<Caption> captions) {
    Map<String, Caption> seen = new LinkedHashMap<>();
    for (Caption c : captions) {
      seen.putIfAbsent(c.getText().toLowerCase(Locale.ROOT), c);
    }
    return new ArrayList<>(seen.values());
  }
}

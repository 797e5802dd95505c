package io.newswire.enrich.internal;

import io.newswire.avro.Caption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an article as newsroom text exports look: section and category lines, a headline, a
 * {@code By ...} line, photo captions with bracketed credits (often repeated), paragraphs with
 * short subheading lines between them, and a footer of comment-widget text.
 */
final class TextArticleReader {
  private static final Pattern TERMINAL = Pattern.compile(".*[.!?:;\"”’,]$");
  private static final Pattern DATELINE = Pattern.compile(
      "^([A-Z][A-Z .'-]{2,40}(?:, [A-Z][A-Za-z .'-]{2,40})?)(?: \\([^)]{1,30}\\))? (?:-|–|—) ");

  /** The longest headline: news headlines run to a hundred characters or so. */
  private static final int MAX_HEADLINE_CHARS = 200;

  private TextArticleReader() {
  }

  static ArticleStructure read(String text) {
    List<List<String>> blocks = blocks(text);
    int next = 0;
    String section = null;
    String category = null;
    if (blocks.size() > 2 && isHeaderBlock(blocks.get(0))) {
      section = blocks.get(0).get(0);
      category = blocks.get(0).size() > 1 ? blocks.get(0).get(1) : null;
      next = 1;
    }
    String headline = null;
    if (next + 1 < blocks.size() && blocks.get(next).size() == 1
        && isHeadline(blocks.get(next).get(0))) {
      headline = blocks.get(next).get(0);
      next++;
    }
    List<String> bylines = new ArrayList<>();
    List<Caption> captions = new ArrayList<>();
    List<String> subheadings = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    String dateline = null;
    for (int i = next; i < blocks.size(); i++) {
      String block = String.join(" ", blocks.get(i)).trim();
      if (Boilerplate.isFooterStart(blocks.get(i).get(0))) {
        break;
      }
      List<String> names = bylines.isEmpty() && paragraphs.isEmpty()
          ? Boilerplate.bylineNames(block) : List.of();
      if (!names.isEmpty()) {
        bylines.addAll(names);
        continue;
      }
      Caption caption = Boilerplate.caption(block);
      if (caption != null) {
        captions.add(caption);
        continue;
      }
      if (!paragraphs.isEmpty() && i + 1 < blocks.size() && isSubheading(block)) {
        subheadings.add(block);
        continue;
      }
      if (paragraphs.isEmpty() && dateline == null) {
        var m = DATELINE.matcher(block);
        if (m.find()) {
          dateline = m.group(1).trim();
        }
      }
      paragraphs.add(block);
    }
    return new ArticleStructure(section, category, headline, bylines, dateline,
        Boilerplate.distinct(captions), subheadings, paragraphs, null, null);
  }

  /**
   * Whether the first line of its own, with more to follow, is a headline: short, no sentence
   * (a text that opens with a paragraph of one line starts with its body), and no byline.
   */
  private static boolean isHeadline(String line) {
    return line.length() <= MAX_HEADLINE_CHARS && !line.endsWith(".")
        && Boilerplate.bylineNames(line).isEmpty();
  }

  /** Blocks of non-blank lines, split at blank lines; lines trimmed. */
  static List<List<String>> blocks(String text) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : text.replace("\r\n", "\n").split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        if (!current.isEmpty()) {
          blocks.add(current);
          current = new ArrayList<>();
        }
      } else if (Boilerplate.isFooterStart(trimmed) && !current.isEmpty()) {
        blocks.add(current);
        current = new ArrayList<>(List.of(trimmed));
      } else {
        current.add(trimmed);
      }
    }
    if (!current.isEmpty()) {
      blocks.add(current);
    }
    return blocks;
  }

  /** One or two short lines without sentence punctuation: section and category. */
  private static boolean isHeaderBlock(List<String> block) {
    return block.size() <= 2 && block.stream().allMatch(l -> l.length() <= 40
        && !TERMINAL.matcher(l).matches() && l.split("\\s+").length <= 5);
  }

  private static boolean isSubheading(String block) {
    return block.length() <= 60 && block.split("\\s+").length <= 8
        && !TERMINAL.matcher(block).matches();
  }
}

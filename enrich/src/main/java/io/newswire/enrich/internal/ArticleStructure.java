package io.newswire.enrich.internal;

import io.newswire.avro.Caption;
import java.time.Instant;
import java.util.List;

/**
 * What an article is made of, as read from its input: every part optional (null or empty) when
 * the input does not have it.
 *
 * @param paragraphs body paragraphs in order, boilerplate removed
 */
public record ArticleStructure(
    String section,
    String category,
    String headline,
    List<String> bylines,
    String dateline,
    List<Caption> captions,
    List<String> subheadings,
    List<String> paragraphs,
    Instant published,
    String url) {

  public ArticleStructure {
    bylines = List.copyOf(bylines);
    captions = List.copyOf(captions);
    subheadings = List.copyOf(subheadings);
    paragraphs = List.copyOf(paragraphs);
  }

  /** The body: paragraphs separated by a blank line. */
  public String body() {
    return String.join("\n\n", paragraphs);
  }
}

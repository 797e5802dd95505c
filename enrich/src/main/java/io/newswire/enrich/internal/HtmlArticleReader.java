package io.newswire.enrich.internal;

import io.newswire.avro.Caption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an article page: headline from {@code og:title}, {@code h1} or the title; byline from
 * {@code meta[name=author]} or a "By ..." line; body paragraphs and {@code h2}/{@code h3}
 * subheadings from the article element (or the page's main content), figure captions, and
 * {@code article:published_time}, {@code article:section} and the canonical URL.
 */
final class HtmlArticleReader {
  private HtmlArticleReader() {
  }

  static ArticleStructure read(String html) {
    Document page = Jsoup.parse(html);
    page.select("script, style, noscript, nav, header, footer, aside, form, iframe").remove();
    String headline = firstNonBlank(meta(page, "meta[property=og:title]"),
        text(page.selectFirst("h1")), page.title());
    Element root = page.selectFirst("article");
    if (root == null) {
      root = page.selectFirst("main, [role=main]");
    }
    if (root == null) {
      root = page.body();
    }
    List<String> bylines = new ArrayList<>();
    String author = meta(page, "meta[name=author]");
    if (author != null) {
      bylines.addAll(Boilerplate.bylineNames("By " + author));
    }
    List<Caption> captions = new ArrayList<>();
    for (Element figcaption : root.select("figcaption")) {
      String text = figcaption.text().trim();
      Caption caption = Boilerplate.caption(text);
      captions.add(caption != null ? caption : Caption.newBuilder().setText(text).build());
      figcaption.remove();
    }
    List<String> subheadings = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    for (Element element : root.select("p, h2, h3, li")) {
      String text = element.text().trim();
      if (text.isEmpty() || element.closest("figure") != null) {
        continue;
      }
      if (Boilerplate.isFooterStart(text)) {
        break;
      }
      List<String> names = Boilerplate.bylineNames(text);
      if (!names.isEmpty() && paragraphs.isEmpty()) {
        if (bylines.isEmpty()) {
          bylines.addAll(names);
        }
        continue;
      }
      if (element.is("h2, h3")) {
        subheadings.add(text);
      } else {
        paragraphs.add(text);
      }
    }
    String canonical = page.selectFirst("link[rel=canonical]") == null ? null
        : page.selectFirst("link[rel=canonical]").attr("abs:href");
    return new ArticleStructure(meta(page, "meta[property=article:section]"), null, headline,
        bylines, null, Boilerplate.distinct(captions), subheadings, paragraphs,
        time(meta(page, "meta[property=article:published_time]")),
        firstNonBlank(canonical, meta(page, "meta[property=og:url]"), null));
  }

  private static String meta(Document page, String selector) {
    Element element = page.selectFirst(selector);
    String content = element == null ? "" : element.attr("content").trim();
    return content.isEmpty() ? null : content;
  }

  private static String text(Element element) {
    return element == null ? null : element.text().trim();
  }

  private static Instant time(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }
}

package io.newswire.ingest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.avro.ArticleFormat;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a pushed article by its media type. Structure (section, captions, places) is the
 * enricher's job; this finds only what identity needs and what the input declares outright.
 */
public final class ArticleParser {
  /** The media types {@code POST /v1/articles} accepts. */
  public static final List<String> ACCEPTED_TYPES =
      List.of("text/plain", "application/json", "text/html");

  private final NinjsReader ninjs;

  public ArticleParser(ObjectMapper json) {
    this.ninjs = new NinjsReader(json);
  }

  /**
   * Parses one article.
   *
   * @param hints identity hints given beside the bytes ({@code guid}, {@code url},
   *     {@code version} query parameters), for inputs that cannot carry them
   * @throws ApiError 400 naming the field at fault, 415 for other media types
   */
  public IncomingArticle parse(MediaType type, byte[] body, Map<String, String> hints) {
    return switch (type.type()) {
      case "text/plain" -> text(type, body, hints);
      case "text/html" -> html(type, body, hints);
      case "application/json" -> ninjs.read(type, body);
      default -> throw ApiError.unsupportedType("Content-Type " + type.type()
          + " is not accepted; send one of " + ACCEPTED_TYPES);
    };
  }

  private static IncomingArticle text(MediaType type, byte[] body, Map<String, String> hints) {
    String text = decode(type, body);
    if (text.isBlank()) {
      throw ApiError.badRequest("body", "The article is empty");
    }
    return new IncomingArticle(ArticleFormat.TEXT, type.header(), body, text,
        hints.get("guid"), null, null, null, hints.get("url"), null, null, null,
        version(hints), null, Map.of());
  }

  private static IncomingArticle html(MediaType type, byte[] body, Map<String, String> hints) {
    Document page = Jsoup.parse(decode(type, body));
    String title = page.title();
    String text = page.body() == null ? "" : page.body().text();
    if (title.isBlank() && text.isBlank()) {
      throw ApiError.badRequest("body", "The page has neither a title nor any text");
    }
    String canonical = firstAttribute(page, "link[rel=canonical]", "abs:href");
    if (canonical == null) {
      canonical = firstAttribute(page, "meta[property=og:url]", "content");
    }
    String url = hints.getOrDefault("url", canonical);
    String guid = hints.getOrDefault("guid", canonical);
    return new IncomingArticle(ArticleFormat.HTML, type.header(), body, title + "\n" + text,
        guid, null, null, null, url, null, null, null, version(hints), null, Map.of());
  }

  private static String firstAttribute(Document page, String selector, String attribute) {
    Element element = page.selectFirst(selector);
    if (element == null) {
      return null;
    }
    String value = element.attr(attribute);
    return value.isBlank() ? null : value.trim();
  }

  private static Long version(Map<String, String> hints) {
    String version = hints.get("version");
    if (version == null) {
      return null;
    }
    try {
      return Long.parseLong(version.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("version", "version must be a whole number, was '" + version
          + "'");
    }
  }

  /** Decodes strictly: malformed bytes are a client error, not silently replaced. */
  static String decode(MediaType type, byte[] body) {
    try {
      return type.charset().newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw ApiError.badRequest("body", "The body is not valid " + type.charset().name()
          + "; declare its charset in Content-Type");
    }
  }
}

package io.newswire.ingest.internal;

import io.newswire.avro.ArticleFormat;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An article as read from a request or a polled feed, before it gets its id: the original bytes
 * and whatever fields the input declared. Absent fields are null.
 *
 * @param format the input shape
 * @param contentType the media type the bytes are in, with parameters
 * @param content the original bytes
 * @param identityText the text identity falls back to when there is no guid: headline and body
 * @param guid the feed's own id (guid, uri, canonical URL), or null
 * @param feedVersion the feed's version number, or null
 * @param versionTime the feed's versioncreated/updated time, or null
 * @param fields further scalar fields the feed gave, by its own names
 */
public record IncomingArticle(
    ArticleFormat format,
    String contentType,
    byte[] content,
    String identityText,
    String guid,
    String headline,
    String byline,
    Instant published,
    String url,
    String language,
    String section,
    String pubStatus,
    Long feedVersion,
    Instant versionTime,
    Map<String, String> fields) {

  public IncomingArticle {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(identityText, "identityText");
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }
}

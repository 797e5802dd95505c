package io.newswire.ingest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.avro.ArticleFormat;
import io.newswire.schemas.text.JsonProblems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Reads a JSON article: IPTC ninjs 1.x (flat: {@code headline}, {@code body_text} or
 * {@code body_html}, {@code byline}), 2.x ({@code headlines[]}, {@code bodies[]}, {@code uri},
 * {@code versioncreated}, {@code pubstatus}) or 3.x (the same in camelCase), or the simple
 * {@code {guid, headline, body, byline, published, url, language, section}} form.
 */
final class NinjsReader {
  /** Fields read into their own places; any other scalar field is kept as a feed field. */
  private static final Set<String> MAPPED = Set.of("uri", "guid", "url", "headline", "headlines",
      "body", "body_text", "body_html", "bodies", "byline", "by", "bylines", "published",
      "firstcreated", "versioncreated", "pubstatus", "version", "language",
      "section", "updated");

  private final ObjectMapper json;

  NinjsReader(ObjectMapper json) {
    this.json = json;
  }

  IncomingArticle read(MediaType type, byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(ArticleParser.decode(type, body));
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("body", "Malformed JSON at " + JsonProblems.describe(e));
    }
    if (root == null || !root.isObject()) {
      throw ApiError.badRequest("body", "The body must be one JSON object (an article)");
    }
    return read(type, body, root);
  }

  /** Reads one already parsed JSON object: a line of a batch, or a whole request. */
  IncomingArticle read(MediaType type, byte[] body, JsonNode root) {
    Map<String, JsonNode> fields = lowerCaseKeys(root);
    boolean ninjs = fields.containsKey("uri") || fields.containsKey("headlines")
        || fields.containsKey("bodies") || fields.containsKey("body_text")
        || fields.containsKey("body_html") || fields.containsKey("versioncreated");

    String headline = ninjs ? headline(fields) : text(fields, "headline");
    String bodyText = ninjs ? bodyText(fields) : text(fields, "body");
    if (isBlank(headline) && isBlank(bodyText)) {
      throw ApiError.badRequest(ninjs ? "body_text" : "body", "An article needs a body ("
          + (ninjs ? "body_text, body_html or bodies" : "body") + ") or a headline");
    }
    String guid = ninjs ? text(fields, "uri") : firstNonBlank(text(fields, "guid"),
        text(fields, "url"));
    Instant published = ninjs
        ? firstNonNull(time(fields, "firstcreated"), time(fields, "published"))
        : time(fields, "published");
    Instant versionTime = firstNonNull(time(fields, "versioncreated"), time(fields, "updated"));
    return new IncomingArticle(
        ninjs ? ArticleFormat.NINJS : ArticleFormat.SIMPLE_JSON,
        type.header(), body,
        nullToEmpty(headline) + "\n" + nullToEmpty(bodyText),
        guid, headline, byline(fields), published, text(fields, "url"),
        text(fields, "language"), text(fields, "section"),
        lower(text(fields, "pubstatus")), version(fields), versionTime, extras(root));
  }

  private static Map<String, JsonNode> lowerCaseKeys(JsonNode root) {
    Map<String, JsonNode> fields = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> field = it.next();
      fields.putIfAbsent(field.getKey().toLowerCase(Locale.ROOT), field.getValue());
    }
    return fields;
  }

  private static String headline(Map<String, JsonNode> fields) {
    String flat = text(fields, "headline");
    return flat != null ? flat : byRole(fields.get("headlines"), "headlines");
  }

  private static String bodyText(Map<String, JsonNode> fields) {
    String plain = text(fields, "body_text");
    if (plain != null) {
      return plain;
    }
    String html = text(fields, "body_html");
    if (html != null) {
      return Jsoup.parse(html).text();
    }
    JsonNode bodies = fields.get("bodies");
    if (bodies == null || bodies.isNull()) {
      return null;
    }
    if (!bodies.isArray()) {
      throw ApiError.badRequest("bodies", "bodies must be an array of {value, role,"
          + " contenttype}");
    }
    JsonNode chosen = null;
    for (JsonNode candidate : bodies) {
      String role = candidate.path("role").asText("");
      if (chosen == null || role.isEmpty() || "main".equalsIgnoreCase(role)) {
        chosen = candidate;
        if (!role.isEmpty() || !contentTypeOf(candidate).contains("html")) {
          break;
        }
      }
    }
    if (chosen == null || !chosen.path("value").isTextual()) {
      throw ApiError.badRequest("bodies", "bodies needs an entry with a string value");
    }
    String value = chosen.path("value").asText();
    return contentTypeOf(chosen).contains("html") ? Jsoup.parse(value).text() : value;
  }

  private static String contentTypeOf(JsonNode body) {
    JsonNode type = body.has("contentType") ? body.get("contentType") : body.get("contenttype");
    return type == null ? "text/plain" : type.asText("text/plain").toLowerCase(Locale.ROOT);
  }

  private static String byRole(JsonNode list, String field) {
    if (list == null || list.isNull()) {
      return null;
    }
    if (!list.isArray()) {
      throw ApiError.badRequest(field, field + " must be an array of {value, role}");
    }
    String first = null;
    for (JsonNode entry : list) {
      String value = entry.path("value").isTextual() ? entry.path("value").asText() : null;
      if ("main".equalsIgnoreCase(entry.path("role").asText()) && value != null) {
        return value;
      }
      first = first == null ? value : first;
    }
    return first;
  }

  private static String byline(Map<String, JsonNode> fields) {
    String flat = firstNonBlank(text(fields, "byline"), text(fields, "by"));
    if (flat != null) {
      return flat;
    }
    JsonNode bylines = fields.get("bylines");
    if (bylines == null || !bylines.isArray() || bylines.isEmpty()) {
      return null;
    }
    StringBuilder names = new StringBuilder();
    for (JsonNode entry : bylines) {
      String name = entry.isTextual() ? entry.asText() : entry.path("byline").asText(
          entry.path("name").asText(""));
      if (!name.isBlank()) {
        names.append(names.length() == 0 ? "" : ", ").append(name);
      }
    }
    return names.length() == 0 ? null : names.toString();
  }

  private static String text(Map<String, JsonNode> fields, String name) {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiError.badRequest(name, name + " must be a string, was " + value.getNodeType()
          .name().toLowerCase(Locale.ROOT));
    }
    return value.asText();
  }

  private static Long version(Map<String, JsonNode> fields) {
    JsonNode value = fields.get("version");
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.canConvertToLong() && value.isIntegralNumber()) {
      return value.asLong();
    }
    try {
      return Long.parseLong(value.asText().trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("version", "version must be a whole number, was '"
          + value.asText() + "'");
    }
  }

  /** An ISO-8601 time; a date alone means its start in UTC. */
  private static Instant time(Map<String, JsonNode> fields, String name) {
    String value = text(fields, name);
    if (isBlank(value)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(value.trim());
      } catch (DateTimeParseException again) {
        try {
          return LocalDate.parse(value.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException last) {
          throw ApiError.badRequest(name, name + " must be an ISO-8601 time such as"
              + " 2016-11-01T09:30:00Z, was '" + value + "'");
        }
      }
    }
  }

  private static Map<String, String> extras(JsonNode root) {
    Map<String, String> extras = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!MAPPED.contains(field.getKey().toLowerCase(Locale.ROOT))
          && field.getValue().isValueNode() && !field.getValue().isNull()) {
        extras.put(field.getKey(), field.getValue().asText());
      }
    }
    return extras;
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String firstNonBlank(String first, String second) {
    return isBlank(first) ? (isBlank(second) ? null : second) : first;
  }

  private static Instant firstNonNull(Instant first, Instant second) {
    return first != null ? first : second;
  }
}

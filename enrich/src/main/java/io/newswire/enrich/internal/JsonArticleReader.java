package io.newswire.enrich.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the body of a ninjs (1.x, 2.x, 3.x) or simple JSON article; ingest already lifted
 * headline, byline and dates into the raw article's own fields.
 */
final class JsonArticleReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonArticleReader() {
  }

  static ArticleStructure read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Article JSON is not readable", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("Article JSON is not an object");
    }
    Map<String, JsonNode> fields = new java.util.HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> field = it.next();
      fields.putIfAbsent(field.getKey().toLowerCase(Locale.ROOT), field.getValue());
    }
    String body = null;
    boolean html = false;
    if (textual(fields, "body_text") != null) {
      body = textual(fields, "body_text");
    } else if (textual(fields, "body_html") != null) {
      body = textual(fields, "body_html");
      html = true;
    } else if (textual(fields, "body") != null) {
      body = textual(fields, "body");
    } else if (fields.get("bodies") != null && fields.get("bodies").isArray()) {
      for (JsonNode candidate : fields.get("bodies")) {
        String role = candidate.path("role").asText("main");
        if (body == null || "main".equalsIgnoreCase(role)) {
          body = candidate.path("value").asText(null);
          String type = candidate.has("contentType") ? candidate.path("contentType").asText()
              : candidate.path("contenttype").asText("text/plain");
          html = type.toLowerCase(Locale.ROOT).contains("html");
        }
      }
    }
    List<String> paragraphs = new ArrayList<>();
    List<String> subheadings = new ArrayList<>();
    if (body != null && html) {
      ArticleStructure fromHtml = HtmlArticleReader.read("<article>" + body + "</article>");
      paragraphs.addAll(fromHtml.paragraphs());
      subheadings.addAll(fromHtml.subheadings());
    } else if (body != null) {
      for (String paragraph : body.split("\\n\\s*\\n")) {
        if (!paragraph.isBlank()) {
          paragraphs.add(paragraph.strip().replaceAll("\\s*\\n\\s*", " "));
        }
      }
    }
    return new ArticleStructure(textual(fields, "section"), null, null, List.of(), null,
        List.of(), subheadings, paragraphs, null, textual(fields, "url"));
  }

  private static String textual(Map<String, JsonNode> fields, String name) {
    JsonNode node = fields.get(name);
    return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }
}

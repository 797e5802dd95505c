package io.newswire.ingest.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * A parsed {@code Content-Type}: the lower-case base type and its charset.
 *
 * @param type e.g. {@code text/plain}
 * @param charset the declared charset, else UTF-8
 * @param header the header as sent, kept with the article
 */
public record MediaType(String type, Charset charset, String header) {

  /**
   * Parses a header value.
   *
   * @throws ApiError 415 when it is missing, 400 when its charset is unknown
   */
  public static MediaType parse(String header) {
    if (header == null || header.isBlank()) {
      throw ApiError.unsupportedType("Content-Type is missing; send one of "
          + ArticleParser.ACCEPTED_TYPES);
    }
    String[] parts = header.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    Charset charset = StandardCharsets.UTF_8;
    for (int i = 1; i < parts.length; i++) {
      String[] param = parts[i].split("=", 2);
      if (param.length == 2 && param[0].trim().equalsIgnoreCase("charset")) {
        String name = param[1].trim().replace("\"", "");
        try {
          charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          throw ApiError.badRequest("Content-Type", "Unknown charset '" + name + "'");
        }
      }
    }
    return new MediaType(type, charset, header.trim());
  }
}

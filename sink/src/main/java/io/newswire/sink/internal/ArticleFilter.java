package io.newswire.sink.internal;

import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.Place;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which articles a query or a live-stream subscriber wants: a place (GeoNames id or name), a
 * country (ISO code), full-text words, a time range. Absent parts (null) match everything.
 */
public record ArticleFilter(String place, String country, String q, Instant since,
    Instant until) {

  /** Matches every article. */
  public static final ArticleFilter ALL = new ArticleFilter(null, null, null, null, null);

  /** The SQL condition on {@code articles a} and its parameters, in order. */
  public record Sql(String where, List<Object> parameters) {
  }

  /**
   * The condition for this filter in {@code dialect}. Places and countries are asked of
   * {@code article_places} once, through its index, for the ids of the articles that name them
   * ({@code a.id IN (...)}): the work grows with the articles that match. Asked per article
   * ({@code EXISTS} with {@code p.article_id = a.id}), SQLite, which keeps no statistics here,
   * searches the place's index for every article it reads until a page is full, so a place
   * named in many articles, or in a few old ones, took seconds in a database of 100,000.
   */
  public Sql toSql(Dialect dialect) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    if (place != null) {
      if (isGeonameId(place)) {
        conditions.add("a.id IN (SELECT p.article_id FROM article_places p"
            + " WHERE p.geoname_id = ?)");
        parameters.add(Long.parseLong(place));
      } else {
        conditions.add("a.id IN (SELECT p.article_id FROM article_places p"
            + " WHERE lower(p.name) = ?)");
        parameters.add(place.toLowerCase(Locale.ROOT));
      }
    }
    if (country != null) {
      conditions.add("(a.focus_country = ? OR a.id IN (SELECT p.article_id"
          + " FROM article_places p WHERE p.country_code = ?))");
      parameters.add(country.toUpperCase(Locale.ROOT));
      parameters.add(country.toUpperCase(Locale.ROOT));
    }
    if (q != null) {
      conditions.add(dialect.fullTextCondition());
      parameters.add(dialect.fullTextParameter(q));
    }
    if (since != null) {
      conditions.add("a.sort_at >= ?");
      parameters.add(since.toEpochMilli());
    }
    if (until != null) {
      conditions.add("a.sort_at < ?");
      parameters.add(until.toEpochMilli());
    }
    return new Sql(conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions),
        parameters);
  }

  /** Whether a just-stored article matches (for the live stream, without the database). */
  public boolean matches(EnrichedArticle article) {
    if (place != null && article.getPlaces().stream().noneMatch(this::isPlace)) {
      return false;
    }
    if (country != null && !country.equalsIgnoreCase(article.getFocusCountryCode())
        && article.getPlaces().stream().noneMatch(p -> country.equalsIgnoreCase(
            p.getCountryCode()))) {
      return false;
    }
    if (q != null) {
      String text = ((article.getHeadline() == null ? "" : article.getHeadline()) + " "
          + (article.getBody() == null ? "" : article.getBody())).toLowerCase(Locale.ROOT);
      for (String word : Dialect.words(q)) {
        if (!text.contains(word.toLowerCase(Locale.ROOT))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether a place filter is a GeoNames id (ASCII digits), not a name. */
  public static boolean isGeonameId(String place) {
    return !place.isEmpty() && place.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private boolean isPlace(Place p) {
    return place.equals(String.valueOf(p.getGeonameId())) || place.equalsIgnoreCase(p.getName());
  }
}

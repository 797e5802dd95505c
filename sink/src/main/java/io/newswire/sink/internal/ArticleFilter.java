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
   * What a search reads: {@code from} its tables ({@code articles a}, after the place's rows
   * {@code p} where it has a place), the condition and its parameters, and the columns of its
   * newest-first order ({@code sortAt}, then {@code id}).
   */
  public record Search(String from, String where, List<Object> parameters, String sortAt,
      String id) {
  }

  /**
   * The condition for this filter in {@code dialect} on {@code articles a} alone, for queries in
   * another order than a search's (the live stream's, by change number). Places and countries
   * are asked of {@code article_places} once, through its index, for the ids of the articles
   * that name them ({@code a.id IN (...)}): the work grows with the articles that match. Asked
   * per article ({@code EXISTS} with {@code p.article_id = a.id}), SQLite, which keeps no
   * statistics here, searches the place's index for every article it reads until a page is
   * full, so a place named in many articles, or in a few old ones, took seconds in a database
   * of 100,000. A search for a place asks its country, if any, the same way.
   */
  public Sql toSql(Dialect dialect) {
    Search search = build(dialect, false);
    return new Sql(search.where(), search.parameters());
  }

  /**
   * The search for this filter in {@code dialect}. With a place, else a country, it starts from
   * the rows of that place or country, whose indexes keep them newest first, and joins their
   * articles: a page reads about a page of rows however many articles match, where the ids of
   * all of them were read before. An article that names the place twice (two places called
   * "Georgia"), or several places of the country, is taken at its first such row. An article is
   * in a country where one of its places is: its focus is one of them.
   */
  public Search toSearch(Dialect dialect) {
    return build(dialect, place != null || country != null);
  }

  private Search build(Dialect dialect, boolean fromPlaces) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    String sortAt = fromPlaces ? "p.sort_at" : "a.sort_at";
    if (place != null) {
      boolean id = isGeonameId(place);
      String column = id ? "p.geoname_id" : "lower(p.name)";
      if (fromPlaces) {
        conditions.add(column + " = ?");
        conditions.add(firstRow(id ? "e.geoname_id = p.geoname_id"
            : "lower(e.name) = lower(p.name)"));
      } else {
        conditions.add("a.id IN (SELECT p.article_id FROM article_places p WHERE " + column
            + " = ?)");
      }
      parameters.add(id ? (Object) Long.parseLong(place) : place.toLowerCase(Locale.ROOT));
    }
    if (country != null) {
      String code = country.toUpperCase(Locale.ROOT);
      if (fromPlaces && place == null) {
        conditions.add("p.country_code = ?");
        conditions.add(firstRow("e.country_code = p.country_code"));
        parameters.add(code);
      } else {
        conditions.add("(a.focus_country = ? OR a.id IN (SELECT c.article_id"
            + " FROM article_places c WHERE c.country_code = ?))");
        parameters.add(code);
        parameters.add(code);
      }
    }
    if (q != null) {
      conditions.add(dialect.fullTextCondition());
      parameters.add(dialect.fullTextParameter(q));
    }
    if (since != null) {
      conditions.add(sortAt + " >= ?");
      parameters.add(since.toEpochMilli());
    }
    if (until != null) {
      conditions.add(sortAt + " < ?");
      parameters.add(until.toEpochMilli());
    }
    return new Search(fromPlaces ? "article_places p JOIN articles a ON a.id = p.article_id"
        : "articles a", conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions),
        parameters, sortAt, fromPlaces ? "p.article_id" : "a.id");
  }

  /** That row {@code p} is the first of its article where {@code same} holds. */
  private static String firstRow(String same) {
    return "NOT EXISTS (SELECT 1 FROM article_places e WHERE e.article_id = p.article_id"
        + " AND e.position < p.position AND " + same + ")";
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

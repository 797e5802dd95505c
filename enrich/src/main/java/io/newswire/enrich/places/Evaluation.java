package io.newswire.enrich.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.avro.Mention;
import io.newswire.avro.Place;
import io.newswire.enrich.PlaceTagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores the tagger against a corpus of gold toponyms ({@code {"id","text","toponyms":[{"start",
 * "end","name","lat","lon","type"?}]}} per line, offsets in code points): one-to-one matching,
 * precision, recall and F1 for exact spans and for overlapping spans, and on overlap-matched
 * pairs where both sides have coordinates, accuracy within 161 km, mean and median error and AUC
 * (the mean of ln(1 + km) / ln(20039)).
 */
public final class Evaluation {
  private static final double EARTH_KM = 6371.0088;
  private static final double MAX_ERROR_KM = 20039;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A span with its place's geonameId (null when unresolved) and coordinates (NaN when not). */
  public record Span(int start, int end, String name, Long geonameId, double lat, double lon) {
    boolean hasPoint() {
      return !Double.isNaN(lat) && !Double.isNaN(lon);
    }
  }

  /** The scores. */
  public record Scores(int articles, int gold, int predicted, double exactPrecision,
      double exactRecall, double exactF1, double overlapPrecision, double overlapRecall,
      double overlapF1, int pairsWithPoints, double accuracy161, double meanKm,
      double medianKm, double auc, double articlesPerSecond) {
  }

  private Evaluation() {
  }

  /**
   * Every mention the tagger reports for a text, as spans; demonyms as mentions of their country,
   * placed where the gazetteer puts it.
   */
  public static List<Span> predict(PlaceTagger tagger, Gazetteer gazetteer, String text) {
    PlaceTagger.PlaceTags tags = tagger.tag(new PlaceTagger.ArticleText(null, null, List.of(),
        List.of(), text));
    List<Span> spans = new ArrayList<>();
    for (Place place : tags.places()) {
      double lat = place.getLatitude() == null ? Double.NaN : place.getLatitude();
      double lon = place.getLongitude() == null ? Double.NaN : place.getLongitude();
      for (Mention m : place.getMentions()) {
        spans.add(new Span(m.getStart(), m.getEnd(), m.getText(), place.getGeonameId(), lat,
            lon));
      }
    }
    for (var country : tags.aboutCountries()) {
      GazetteerEntry entry = gazetteer.country(country.getCountryCode()).orElse(null);
      for (Mention m : country.getMentions()) {
        spans.add(entry == null
            ? new Span(m.getStart(), m.getEnd(), m.getText(), null, Double.NaN, Double.NaN)
            : new Span(m.getStart(), m.getEnd(), m.getText(), entry.geonameId(),
                entry.latitude(), entry.longitude()));
      }
    }
    return spans;
  }

  /**
   * Scores the tagger on a corpus.
   *
   * @param types gold toponym types to keep ({@code type} field), or empty for all
   */
  public static Scores score(PlaceTagger tagger, Gazetteer gazetteer, Path corpus,
      Set<String> types) throws IOException {
    int articles = 0;
    int gold = 0;
    int predicted = 0;
    int exact = 0;
    int overlap = 0;
    List<Double> errors = new ArrayList<>();
    long nanos = 0;
    try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode article = JSON.readTree(line);
        String text = article.path("text").asText();
        List<Span> golds = new ArrayList<>();
        for (JsonNode t : article.path("toponyms")) {
          if (!types.isEmpty() && !types.contains(t.path("type").asText())) {
            continue;
          }
          golds.add(new Span(t.path("start").asInt(), t.path("end").asInt(),
              t.path("name").asText(), null,
              t.hasNonNull("lat") ? t.get("lat").asDouble() : Double.NaN,
              t.hasNonNull("lon") ? t.get("lon").asDouble() : Double.NaN));
        }
        long started = System.nanoTime();
        List<Span> predictions = predict(tagger, gazetteer, text);
        nanos += System.nanoTime() - started;
        articles++;
        gold += golds.size();
        predicted += predictions.size();
        exact += matchExact(golds, predictions);
        for (Span[] pair : matchOverlap(golds, predictions)) {
          overlap++;
          Span g = pair[0];
          Span p = pair[1];
          if (g.hasPoint() && p.hasPoint()) {
            errors.add(distanceKm(g.lat(), g.lon(), p.lat(), p.lon()));
          }
        }
      }
    }
    Collections.sort(errors);
    double within = errors.stream().filter(km -> km <= 161).count();
    double mean = errors.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double auc = errors.stream().mapToDouble(km -> Math.log1p(km) / Math.log(MAX_ERROR_KM))
        .average().orElse(Double.NaN);
    return new Scores(articles, gold, predicted,
        ratio(exact, predicted), ratio(exact, gold), f1(exact, predicted, gold),
        ratio(overlap, predicted), ratio(overlap, gold), f1(overlap, predicted, gold),
        errors.size(), errors.isEmpty() ? Double.NaN : within / errors.size(), mean,
        errors.isEmpty() ? Double.NaN : errors.get(errors.size() / 2), auc,
        nanos == 0 ? 0 : articles / (nanos / 1e9));
  }

  private static int matchExact(List<Span> gold, List<Span> predicted) {
    int matched = 0;
    boolean[] used = new boolean[predicted.size()];
    for (Span g : gold) {
      for (int i = 0; i < predicted.size(); i++) {
        Span p = predicted.get(i);
        if (!used[i] && p.start() == g.start() && p.end() == g.end()) {
          used[i] = true;
          matched++;
          break;
        }
      }
    }
    return matched;
  }

  private static List<Span[]> matchOverlap(List<Span> gold, List<Span> predicted) {
    List<Span[]> pairs = new ArrayList<>();
    boolean[] used = new boolean[predicted.size()];
    for (Span g : gold) {
      int best = -1;
      int bestOverlap = 0;
      for (int i = 0; i < predicted.size(); i++) {
        int overlap = Math.min(g.end(), predicted.get(i).end())
            - Math.max(g.start(), predicted.get(i).start());
        if (!used[i] && overlap > bestOverlap) {
          best = i;
          bestOverlap = overlap;
        }
      }
      if (best >= 0) {
        used[best] = true;
        pairs.add(new Span[] {g, predicted.get(best)});
      }
    }
    return pairs;
  }

  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private static double f1(int matched, int predicted, int gold) {
    double p = ratio(matched, predicted);
    double r = ratio(matched, gold);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** The scores as a short report. */
  public static String report(Scores s) {
    return String.format(Locale.ROOT, "articles %d, gold %d, predicted %d%n"
            + "exact    P %.3f  R %.3f  F1 %.3f%n"
            + "overlap  P %.3f  R %.3f  F1 %.3f%n"
            + "geocoding on %d overlap pairs with points: within 161 km %.3f, mean %.0f km,"
            + " median %.0f km, AUC %.3f%n"
            + "speed %.0f articles/s (tagging only, one thread)%n",
        s.articles(), s.gold(), s.predicted(), s.exactPrecision(), s.exactRecall(), s.exactF1(),
        s.overlapPrecision(), s.overlapRecall(), s.overlapF1(), s.pairsWithPoints(),
        s.accuracy161(), s.meanKm(), s.medianKm(), s.auc(), s.articlesPerSecond());
  }
}

package io.newswire.enrich.internal;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Detects an article's language with Lingua, restricted to the languages of the feeds Newswire
 * serves and in its low-accuracy mode (trigram models only), which keeps it small in memory and
 * fast while staying reliable on article-length text. Built once and shared: thread-safe.
 */
public final class LanguageIdentifier {
  /** How much of a text is looked at: a few sentences give a firm answer on news prose. */
  private static final int SAMPLE_CHARS = 200;

  /** A detected language. */
  public record Detected(String isoCode, double confidence) {
  }

  private final LanguageDetector detector;

  public LanguageIdentifier() {
    this.detector = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.ARABIC,
            Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.PORTUGUESE,
            Language.ITALIAN, Language.DUTCH, Language.RUSSIAN, Language.TURKISH,
            Language.PERSIAN, Language.URDU, Language.CHINESE, Language.JAPANESE)
        .withLowAccuracyMode()
        .withPreloadedLanguageModels()
        .build();
  }

  /** The most likely language, or null when the text is too short or unlike any of them. */
  public Detected detect(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(sample);
    if (values.isEmpty()) {
      return null;
    }
    Map.Entry<Language, Double> best = values.entrySet().iterator().next();
    if (best.getKey() == Language.UNKNOWN || best.getValue() <= 0) {
      return null;
    }
    return new Detected(best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT),
        Math.round(best.getValue() * 1000) / 1000.0);
  }
}

package io.newswire.enrich.internal;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Detects an article's language with Lingua, restricted to the languages of the feeds Newswire
 * serves and in its low-accuracy mode (trigram models only), which keeps it small in memory and
 * fast while staying reliable on article-length text. Plain English prose (a quarter or more of
 * its words "the", "of", "said" ...) is answered without the model, as Lingua would. Built once and
 * shared: thread-safe.
 */
public final class LanguageIdentifier {
  /** How much of a text is looked at: a few sentences give a firm answer on news prose. */
  private static final int SAMPLE_CHARS = 200;
  /**
   * How much of a text is read for English function words where the sample has too few: a
   * headline, a dateline or a run of names ("San Fernando, officially the City of San Fernando
   * (Ilocano: Ciudad ti San Fernando)") can fill the first 200 characters of English prose, and
   * a sports report or a press release the first 600 ("Notre Dame's Arike Ogunbowale celebrates
   * ..."). Reading them costs a few microseconds; the model, where they are too few, hundreds.
   */
  private static final int PROSE_CHARS = 2_000;

  /** A detected language. */
  public record Detected(String isoCode, double confidence) {
  }

  /**
   * English function words: a third or more of the words of English prose, a few percent of
   * the other languages' ("a", "in"). Where they abound the answer is the one Lingua gives,
   * without its cost.
   */
  static final Set<String> ENGLISH_WORDS = Set.of("the", "of", "and", "to", "in", "a",
      "is", "was", "that", "for", "on", "with", "as", "by", "at", "from", "it", "he", "she",
      "they", "his", "her", "their", "has", "have", "had", "were", "are", "be", "been", "this",
      "which", "who", "said", "will", "would", "an", "or", "not", "but", "after", "its");
  /** The words of {@link #ENGLISH_WORDS} as {@link #key}s, sorted. */
  private static final long[] ENGLISH_KEYS = ENGLISH_WORDS.stream()
      .mapToLong(LanguageIdentifier::key).sorted().toArray();
  private static final long THE = key("the");
  private static final Detected ENGLISH = new Detected("en", 1.0);

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

  /**
   * Whether a quarter or more of twelve or more words are English function words, "the" among
   * them, and every letter is Latin. Names in other alphabets ("Giá Rai") are fine; a text in
   * another script is left to the model.
   */
  static boolean plainlyEnglish(String sample) {
    int words = 0;
    int english = 0;
    boolean the = false;
    int i = 0;
    while (i < sample.length()) {
      char c = sample.charAt(i);
      if (!Character.isLetter(c)) {
        i++;
        continue;
      }
      int start = i;
      // The word's letters in lower case, a byte each, while it is short and ASCII.
      long key = 0;
      boolean ascii = true;
      while (i < sample.length() && Character.isLetter(sample.charAt(i))) {
        char letter = sample.charAt(i);
        if (letter >= 0x80) {
          if (Character.UnicodeScript.of(letter) != Character.UnicodeScript.LATIN) {
            return false;
          }
          ascii = false;
        }
        key = key << 8 | (letter | 0x20) & 0xff;
        i++;
      }
      words++;
      // A word with a letter beyond ASCII is none of them: of those letters only the Kelvin
      // sign has an ASCII lower case, "k", and no function word holds a "k".
      if (ascii && i - start <= 5 && Arrays.binarySearch(ENGLISH_KEYS, key) >= 0) {
        english++;
        the |= key == THE;
      }
    }
    return words >= 12 && the && english * 4 >= words;
  }

  /** A word of up to five ASCII letters as {@link #plainlyEnglish} keys it. */
  private static long key(String word) {
    long key = 0;
    for (int i = 0; i < word.length(); i++) {
      key = key << 8 | word.charAt(i);
    }
    return key;
  }

  /** The most likely language, or null when the text is too short or unlike any of them. */
  public Detected detect(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if (plainlyEnglish(sample) || text.length() > SAMPLE_CHARS
        && plainlyEnglish(text.length() > PROSE_CHARS ? text.substring(0, PROSE_CHARS) : text)) {
      return ENGLISH;
    }
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

package io.newswire.enrich.internal;

import io.newswire.avro.Caption;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.Provenance;
import io.newswire.avro.RawArticle;
import io.newswire.enrich.PlaceTagger;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one raw article into an enriched one: structure by input format, boilerplate removed,
 * summary, counts, language, dates, sources, fingerprints, places and provenance. Pure apart
 * from the clock; thread-safe.
 */
public final class ArticleEnricher {
  private static final int WORDS_PER_MINUTE = 230;
  private static final int SUMMARY_MAX_CHARS = 400;
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’]?(?=\\s+\\p{Lu}|$)");
  private static final Pattern SPACE_SEPARATORS = Pattern.compile("[\\p{Zs}&&[^ ]]");
  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";]+)");
  /** {@link #isWordChar} of each ASCII character, 1 or 0. */
  private static final int[] ASCII_WORD = new int[0x80];
  /** 1 for the ASCII characters a word goes on across: apostrophes and hyphens. */
  private static final int[] ASCII_JOINER = new int[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = isWordChar(c) ? 1 : 0;
      ASCII_JOINER[c] = c == '\'' || c == '-' ? 1 : 0;
    }
  }

  private final LanguageIdentifier languages;
  private final PlaceTagger places;
  private final String pipelineVersion;
  private final Clock clock;

  public ArticleEnricher(LanguageIdentifier languages, PlaceTagger places,
      String pipelineVersion, Clock clock) {
    this.languages = Objects.requireNonNull(languages, "languages");
    this.places = Objects.requireNonNull(places, "places");
    this.pipelineVersion = Objects.requireNonNull(pipelineVersion, "pipelineVersion");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Enriches one article.
   *
   * @throws IllegalArgumentException when the article has no text to enrich or its bytes do not
   *     read in its declared format (the caller routes it to the dead-letter topic)
   */
  public EnrichedArticle enrich(RawArticle raw) {
    long started = System.nanoTime();
    String content = decode(raw);
    ArticleStructure structure = read(raw, content);
    String headline = firstNonBlank(raw.getHeadline(), structure.headline());
    String body = structure.body();
    if ((headline == null || headline.isBlank()) && body.isBlank()) {
      throw new IllegalArgumentException("Article " + raw.getId() + " has neither a headline"
          + " nor body text");
    }
    List<String> bylines = structure.bylines();
    if (bylines.isEmpty() && raw.getByline() != null) {
      bylines = Boilerplate.bylineNames("By " + raw.getByline().replaceFirst("(?i)^by\\s+", ""));
    }
    String text = (headline == null ? "" : headline + "\n\n") + body;
    LanguageIdentifier.Detected language = languages.detect(text);
    int words = countWords(body);
    SourceMentions.Found sources = SourceMentions.find(body);
    PlaceTagger.PlaceTags tags = places.tag(new PlaceTagger.ArticleText(headline,
        structure.dateline(), structure.captions().stream().map(Caption::getText).toList(),
        structure.subheadings(), body));
    var published = raw.getPublished() != null ? raw.getPublished() : structure.published();
    Fingerprints.Of prints = Fingerprints.of(headline, body);

    return EnrichedArticle.newBuilder()
        .setId(raw.getId())
        .setVersion(raw.getVersion())
        .setFeedId(raw.getFeedId())
        .setReceivedAt(raw.getReceivedAt())
        .setFormat(raw.getFormat().name())
        .setUrl(firstNonBlank(raw.getUrl(), structure.url()))
        .setSection(firstNonBlank(raw.getSection(), structure.section()))
        .setCategory(structure.category())
        .setHeadline(headline)
        .setBylines(bylines)
        .setDateline(structure.dateline())
        .setCaptions(structure.captions())
        .setSubheadings(structure.subheadings())
        .setBody(body.isEmpty() ? null : body)
        .setSummary(summary(structure.paragraphs()))
        .setWordCount(body.isEmpty() ? null : words)
        .setReadingTimeSeconds(body.isEmpty() ? null
            : (int) Math.ceil(words * 60.0 / WORDS_PER_MINUTE))
        .setLanguage(language == null ? raw.getLanguage() : language.isoCode())
        .setLanguageConfidence(language == null ? null : language.confidence())
        .setPublished(published)
        .setMentionedDates(DateMentions.find(text, published))
        .setPeople(sources.people())
        .setOrganisations(sources.organisations())
        .setContentHash(prints.contentHash())
        .setNearDuplicateSignature(prints.nearDuplicateSignature())
        .setPlaces(tags.places())
        .setFocusGeonameId(tags.focusGeonameId())
        .setFocusCountryCode(tags.focusCountryCode())
        .setAboutCountries(tags.aboutCountries())
        .setProvenance(Provenance.newBuilder()
            .setPipelineVersion(pipelineVersion)
            .setGazetteerId(places.gazetteerId())
            .setEnrichedAt(clock.instant())
            .setProcessingMicros((System.nanoTime() - started) / 1_000)
            .build())
        .build();
  }

  private static ArticleStructure read(RawArticle raw, String content) {
    String type = raw.getContentType() == null ? ""
        : raw.getContentType().toLowerCase(Locale.ROOT);
    return switch (raw.getFormat()) {
      case TEXT -> TextArticleReader.read(content);
      case HTML -> HtmlArticleReader.read(content);
      case NINJS, SIMPLE_JSON -> JsonArticleReader.read(content);
      case RSS_ITEM, ATOM_ENTRY -> type.contains("html")
          ? HtmlArticleReader.read("<article>" + content + "</article>")
          : TextArticleReader.read(content);
      default -> type.contains("html") ? HtmlArticleReader.read(content)
          : type.contains("json") ? JsonArticleReader.read(content)
          : TextArticleReader.read(content);
    };
  }

  private static String decode(RawArticle raw) {
    Charset charset = StandardCharsets.UTF_8;
    String type = raw.getContentType();
    if (type != null) {
      Matcher m = CHARSET.matcher(type);
      if (m.find()) {
        try {
          charset = Charset.forName(m.group(1).trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          throw new IllegalArgumentException("Unknown charset " + m.group(1), e);
        }
      }
    }
    ByteBuffer bytes = raw.getContent().duplicate();
    // Both replace what does not decode with the charset's replacement; the String constructor
    // reads ASCII and Latin-1 in bulk.
    String text = bytes.hasArray() ? new String(bytes.array(),
        bytes.arrayOffset() + bytes.position(), bytes.remaining(), charset)
        : charset.decode(bytes).toString();
    // No-break and other Unicode spaces become plain ones, so text searches and displays alike.
    // Of ASCII only the plain space separates as a space, so only the rest is asked.
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && Character.getType(c) == Character.SPACE_SEPARATOR) {
        return SPACE_SEPARATORS.matcher(text).replaceAll(" ");
      }
    }
    return text;
  }

  static String summary(List<String> paragraphs) {
    if (paragraphs.isEmpty()) {
      return null;
    }
    String lead = paragraphs.get(0);
    if (lead.length() <= SUMMARY_MAX_CHARS) {
      return lead;
    }
    List<Integer> ends = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(lead);
    while (m.find() && m.end() <= SUMMARY_MAX_CHARS) {
      ends.add(m.end());
    }
    if (!ends.isEmpty()) {
      return lead.substring(0, ends.get(ends.size() - 1)).trim();
    }
    int cut = lead.lastIndexOf(' ', SUMMARY_MAX_CHARS);
    return lead.substring(0, cut > 0 ? cut : SUMMARY_MAX_CHARS).trim() + "…";
  }

  /** Runs of letters and digits, with apostrophes and hyphens inside words ("O'Neill"). */
  static int countWords(String text) {
    int count = 0;
    // 1 inside a word, else 0; ASCII, the bulk of most texts, is counted without a branch.
    int inWord = 0;
    for (int i = 0; i < text.length(); ) {
      char unit = text.charAt(i);
      if (unit < 0x80) {
        int word = ASCII_WORD[unit];
        count += word & (inWord ^ 1);
        inWord = word | inWord & ASCII_JOINER[unit];
        i++;
        continue;
      }
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isWordChar(c)) {
        count += inWord ^ 1;
        inWord = 1;
      } else if (c != '’') {
        inWord = 0;
      }
    }
    return count;
  }

  /** Letters and numbers of every kind. */
  private static boolean isWordChar(int c) {
    int type = Character.getType(c);
    return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  private static String firstNonBlank(String first, String second) {
    if (first != null && !first.isBlank()) {
      return first.trim();
    }
    return second == null || second.isBlank() ? null : second.trim();
  }
}

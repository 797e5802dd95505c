package io.newswire.enrich.places;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Realistic news articles for benchmarks, in the shape of a newsroom text export (section,
 * headline, byline, caption, paragraphs), naming real places of the gazetteer among people,
 * organisations, dates, figures and quotes. The same seed gives the same articles.
 *
 * <p>Places are as dense as in published news: the articles of 4.5-6 KB in the eval corpora
 * (GeoWebNews, TR-News, GeoVirus) name a place about every 190 characters, 26 mentions of 11
 * distinct names, a few countries among them, and the common places recur from article to
 * article. So an article here has a home city that most of its mentions come back to, the
 * city's country, sometimes its first-level division, two to five other cities and one to four
 * countries abroad, the populous ones more often (as the United States, China or Russia are in
 * the corpora); two sentences in three name no place at all.
 */
public final class SampleArticles {
  private static final String[] SECTIONS = {"World", "Economy", "Politics", "Security",
      "Environment", "Culture"};
  private static final String[] FIRST = {"Layla", "Karim", "Sara", "Omar", "Maria", "John",
      "Aisha", "David", "Elena", "Hassan", "Grace", "Tomas"};
  private static final String[] LAST = {"Hassan", "Jaber", "Novak", "Okafor", "Lindqvist",
      "Moreau", "Rahimi", "Castillo", "Brennan", "Tanaka", "Abadi", "Keller"};
  private static final String[] ORGANISATIONS = {"the Ministry of Transport",
      "the Chamber of Commerce", "the national statistics office", "the port authority",
      "the Red Crescent", "the regional development bank", "the university hospital"};
  private static final String[] SUBJECTS = {"Flooding", "Port traffic", "Grain prices",
      "A new rail line", "Power cuts", "Tourism", "The harvest", "School enrolment"};
  private static final String[] VERBS = {"reopens", "recovers", "slows", "returns", "doubles",
      "stalls", "rises"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May",
      "June", "July", "August", "September", "October", "November", "December"};
  private static final String[] QUOTES = {"Nobody expected it to happen this quickly",
      "We will need more time and more money", "The numbers speak for themselves",
      "This is only the beginning", "People are tired of waiting",
      "It is too early to say what it means for families"};
  /** Sentences naming one or two places: {@code %1$s} the first, {@code %2$s} the second. */
  private static final String[] PLACE_SENTENCES = {
      "%3$s said on %4$s that the work in %1$s would take at least another year.",
      "Officials in %1$s told reporters that %5$s had asked for more funding.",
      "\"We have waited long enough,\" said %3$s, a resident of %1$s.",
      "Traders in %1$s say prices have fallen since %6$s, according to %5$s.",
      "The plan, announced on %4$s, covers %1$s and the surrounding districts.",
      "Figures published by %5$s show a rise of %7$d percent in %1$s over the past year.",
      "Delegations from %1$s and %2$s met on %4$s to discuss the next steps.",
      "Shipments from %2$s are expected to reach %1$s by the end of %6$s."};
  /** Sentences naming no place, with the same slots. */
  private static final String[] OTHER_SENTENCES = {
      "%3$s said the figures for %6$s were the highest in %7$d years.",
      "\"%8$s,\" said %3$s, who has worked for %5$s for %7$d years.",
      "The cost is put at %7$d million dollars, more than twice the first estimate.",
      "%3$s, a spokesperson for %5$s, declined to comment on the details.",
      "Work is due to start in %6$s and to finish within %7$d months.",
      "Critics say %5$s has not explained how the plan would be paid for.",
      "A full report from %5$s is expected on %4$s.",
      "Some %7$d people attended a meeting on %4$s, according to %3$s.",
      "\"%8$s,\" %3$s told a news conference on %4$s.",
      "The number of applications has grown by %7$d percent since %6$s."};

  private final Random random;
  private final List<GazetteerEntry> cities;
  private final List<GazetteerEntry> countries;
  /** Cumulative weights of {@link #countries}, most populous first: 1 / rank. */
  private final double[] countryWeights;

  public SampleArticles(Gazetteer gazetteer, long seed) {
    this.random = new Random(seed);
    this.cities = gazetteer.places().stream().filter(e -> "P".equals(e.featureClass())
        && e.population() >= 100_000 && Names.isLatin(e.name())).toList();
    this.countries = gazetteer.places().stream().filter(GazetteerEntry::isCountry)
        .sorted(Comparator.comparingLong(GazetteerEntry::population).reversed()
            .thenComparingLong(GazetteerEntry::geonameId))
        .toList();
    this.countryWeights = new double[countries.size()];
    double sum = 0;
    for (int rank = 0; rank < countryWeights.length; rank++) {
      sum += 1.0 / (rank + 1);
      countryWeights[rank] = sum;
    }
  }

  /** The next article, of about {@code bytes} bytes (UTF-8), as a newsroom text export. */
  public String next(int bytes) {
    GazetteerEntry home = pick(cities);
    String country = countryName(home);
    List<String> elsewhere = new ArrayList<>();
    int cityCount = 2 + random.nextInt(4);
    for (int i = 0; i < cityCount; i++) {
      elsewhere.add(pick(cities).name());
    }
    int abroad = 1 + random.nextInt(4);
    for (int i = 0; i < abroad; i++) {
      elsewhere.add(prominentCountry().name());
    }
    String division = home.admin1Name() != null && Names.isLatin(home.admin1Name())
        && random.nextBoolean() ? home.admin1Name() : null;
    String reporter = person();
    StringBuilder text = new StringBuilder(bytes + 400)
        .append(pick(SECTIONS)).append("\n\n")
        .append(pick(SUBJECTS)).append(' ').append(pick(VERBS)).append(" in ")
        .append(home.name()).append("\n\n")
        .append("By ").append(reporter).append("\n\n")
        .append("A street in ").append(home.name()).append(", ").append(country)
        .append(". [Photo: ").append(person()).append("]\n\n");
    while (text.length() < bytes) {
      int sentences = 2 + random.nextInt(3);
      for (int i = 0; i < sentences; i++) {
        String first = random.nextInt(3) == 0
            ? place(home.name(), country, division, elsewhere) : null;
        String second = pick(elsewhere);
        if (second.equals(first)) {
          second = first.equals(home.name()) ? country : home.name();
        }
        text.append(sentence(first, second)).append(i + 1 < sentences ? " " : "\n\n");
      }
    }
    return text.toString();
  }

  /** Mostly the home city, then its country, the places elsewhere and its division. */
  private String place(String home, String country, String division, List<String> elsewhere) {
    int draw = random.nextInt(20);
    if (draw < 8) {
      return home;
    }
    if (draw < 11) {
      return country;
    }
    if (draw < 13 && division != null) {
      return division;
    }
    return pick(elsewhere);
  }

  /** A sentence naming {@code first} (and sometimes {@code second}), or no place when null. */
  private String sentence(String first, String second) {
    String[] templates = first == null ? OTHER_SENTENCES : PLACE_SENTENCES;
    return String.format(templates[random.nextInt(templates.length)], first, second, person(),
        pick(MONTHS) + " " + (1 + random.nextInt(28)), pick(ORGANISATIONS), pick(MONTHS),
        2 + random.nextInt(30), pick(QUOTES));
  }

  private String countryName(GazetteerEntry place) {
    return countries.stream().filter(c -> c.countryCode().equals(place.countryCode()))
        .findFirst().map(GazetteerEntry::name).orElse(place.name());
  }

  private GazetteerEntry prominentCountry() {
    double draw = random.nextDouble() * countryWeights[countryWeights.length - 1];
    int at = 0;
    while (countryWeights[at] < draw) {
      at++;
    }
    return countries.get(at);
  }

  private String person() {
    return pick(FIRST) + " " + pick(LAST);
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private String pick(String[] from) {
    return from[random.nextInt(from.length)];
  }
}

package io.newswire.enrich.places;

import java.util.List;
import java.util.Random;

/**
 * Realistic news articles for benchmarks, in the shape of a newsroom text export (section,
 * headline, byline, caption, paragraphs), naming real places of the gazetteer: a few cities and
 * their countries per article, repeated as news does, among people, organisations, dates and
 * quotes. The same seed gives the same articles.
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
  private static final String[] SENTENCES = {
      "%s said on %s that the work in %s would take at least another year.",
      "Officials in %s told reporters that %s had asked for more funding.",
      "\"We have waited long enough,\" said %s, a resident of %s.",
      "Traders in %s say prices have fallen since %s, according to %s.",
      "The plan, announced in %s, covers %s and the surrounding districts.",
      "Figures published by %s show a rise of %d percent in %s over the past year.",
      "Delegations from %s and %s met on %s to discuss the next steps.",
      "Shipments from %s are expected to reach %s by the end of %s."};

  private final Random random;
  private final List<GazetteerEntry> cities;
  private final List<GazetteerEntry> countries;

  public SampleArticles(Gazetteer gazetteer, long seed) {
    this.random = new Random(seed);
    this.cities = gazetteer.places().stream().filter(e -> "P".equals(e.featureClass())
        && e.population() >= 100_000 && Names.isLatin(e.name())).toList();
    this.countries = gazetteer.places().stream().filter(GazetteerEntry::isCountry).toList();
  }

  /** The next article, of about {@code bytes} bytes (UTF-8), as a newsroom text export. */
  public String next(int bytes) {
    GazetteerEntry home = pick(cities);
    GazetteerEntry other = pick(cities);
    String country = countries.stream().filter(c -> c.countryCode().equals(home.countryCode()))
        .findFirst().map(GazetteerEntry::name).orElse(home.name());
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
        text.append(sentence(home, other, country)).append(i + 1 < sentences ? " " : "\n\n");
      }
    }
    return text.toString();
  }

  private String sentence(GazetteerEntry home, GazetteerEntry other, String country) {
    String place = random.nextInt(3) == 0 ? other.name() : home.name();
    String date = pick(MONTHS) + " " + (1 + random.nextInt(28));
    return switch (random.nextInt(SENTENCES.length)) {
      case 0 -> String.format(SENTENCES[0], person(), date, place);
      case 1 -> String.format(SENTENCES[1], place, pick(ORGANISATIONS));
      case 2 -> String.format(SENTENCES[2], person(), place);
      case 3 -> String.format(SENTENCES[3], place, pick(MONTHS), pick(ORGANISATIONS));
      case 4 -> String.format(SENTENCES[4], date, country);
      case 5 -> String.format(SENTENCES[5], capitalised(pick(ORGANISATIONS)),
          2 + random.nextInt(30), place);
      case 6 -> String.format(SENTENCES[6], country, pick(countries).name(), date);
      default -> String.format(SENTENCES[7], pick(countries).name(), place, pick(MONTHS));
    };
  }

  private String person() {
    return pick(FIRST) + " " + pick(LAST);
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private String pick(String[] from) {
    return from[random.nextInt(from.length)];
  }
}

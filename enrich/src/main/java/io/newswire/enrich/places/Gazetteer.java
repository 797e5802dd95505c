package io.newswire.enrich.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Places by normalised name, compiled once into memory: the built-in default is GeoNames'
 * countries, first-level divisions and cities of 15,000 people or more (as shipped in the
 * {@code opensextant-xponents-core} jar), plus Newswire's reviewed aliases, continents and
 * demonyms. Countries take their capital's coordinates and divisions their seat's, since those
 * files carry none. Immutable once built; thread-safe.
 */
public final class Gazetteer {
  private static final String GEONAMES = "/geonames.org/";
  private static final int[] NONE = new int[0];

  private final List<GazetteerEntry> entries;
  private final Map<String, int[]> byName;
  private final Map<String, String> demonyms;
  private final Map<String, GazetteerEntry> countries;
  private final String id;

  private Gazetteer(List<GazetteerEntry> entries, Map<String, int[]> byName,
      Map<String, String> demonyms, Map<String, GazetteerEntry> countries, String id) {
    this.entries = entries;
    this.byName = byName;
    this.demonyms = demonyms;
    this.countries = countries;
    this.id = id;
  }

  /** What the gazetteer is made of, for provenance. */
  public String id() {
    return id;
  }

  /** How many places it holds. */
  public int size() {
    return entries.size();
  }

  /** The places a normalised name may mean. */
  public List<GazetteerEntry> lookup(String normalisedName) {
    int[] ids = byName.getOrDefault(normalisedName, NONE);
    List<GazetteerEntry> found = new ArrayList<>(ids.length);
    for (int i : ids) {
      found.add(entries.get(i));
    }
    return found;
  }

  /** Whether some place is called this (normalised). */
  public boolean contains(String normalisedName) {
    return byName.containsKey(normalisedName);
  }

  /** The country an adjective of nationality names ("Iraqi": IQ). */
  public Optional<String> demonym(String word) {
    return Optional.ofNullable(demonyms.get(word));
  }

  /** The country with this ISO code. */
  public Optional<GazetteerEntry> country(String isoCode) {
    return Optional.ofNullable(countries.get(isoCode));
  }

  /** Loads the built-in gazetteer. */
  public static Gazetteer builtIn() {
    long started = System.nanoTime();
    Builder builder = new Builder();
    Map<String, String[]> countryRows = new HashMap<>();
    lines(GEONAMES + "countryInfo.txt", line -> {
      String[] f = line.split("\t", -1);
      if (f.length > 16 && !f[16].isEmpty()) {
        countryRows.put(f[0], f);
      }
    });
    Map<String, String[]> admin1Rows = new HashMap<>();
    lines(GEONAMES + "admin1CodesASCII.txt", line -> {
      String[] f = line.split("\t", -1);
      if (f.length >= 4) {
        admin1Rows.put(f[0], f);
      }
    });
    Map<String, String> admin1Names = new HashMap<>();
    admin1Rows.forEach((code, f) -> admin1Names.put(code, f[2]));
    Map<String, double[]> capitals = new HashMap<>();
    Map<String, double[]> seats = new HashMap<>();
    lines(GEONAMES + "cities15000.txt", line -> {
      String[] f = line.split("\t", -1);
      if (f.length < 19) {
        return;
      }
      String admin1 = f[8] + "." + f[10];
      GazetteerEntry city = new GazetteerEntry(Long.parseLong(f[0]), f[1], f[8], f[10],
          admin1Names.get(admin1), f[6], f[7], Double.parseDouble(f[4]),
          Double.parseDouble(f[5]), f[14].isEmpty() ? 0 : Long.parseLong(f[14]));
      int index = builder.add(city);
      builder.name(f[1], index);
      builder.name(f[2], index);
      for (String alternate : f[3].split(",")) {
        if (!alternate.isBlank() && Names.isLatin(alternate) && alternate.length() > 2) {
          builder.name(alternate, index);
        }
      }
      double[] point = {city.latitude(), city.longitude()};
      if ("PPLC".equals(f[7])) {
        capitals.put(f[8], point);
      }
      if ("PPLA".equals(f[7]) || "PPLC".equals(f[7])) {
        seats.putIfAbsent(admin1, point);
      }
    });
    Map<String, GazetteerEntry> countries = new HashMap<>();
    countryRows.forEach((iso, f) -> {
      double[] point = capitals.getOrDefault(iso, new double[] {Double.NaN, Double.NaN});
      GazetteerEntry country = new GazetteerEntry(Long.parseLong(f[16]), f[4], iso, null, null,
          "A", "PCLI", point[0], point[1], f[7].isEmpty() ? 0 : Long.parseLong(f[7]));
      int index = builder.add(country);
      builder.name(f[4], index);
      countries.put(iso, country);
    });
    admin1Rows.forEach((code, f) -> {
      double[] point = seats.getOrDefault(code, new double[] {Double.NaN, Double.NaN});
      String[] parts = code.split("\\.", 2);
      GazetteerEntry division = new GazetteerEntry(Long.parseLong(f[3]), f[2], parts[0],
          parts.length > 1 ? parts[1] : null, f[2], "A", "ADM1", point[0], point[1], 0);
      int index = builder.add(division);
      builder.name(f[1], index);
      builder.name(f[2], index);
      builder.name(f[2].replaceAll("(?i)\\s+(governorate|province|region|state|county)$", ""),
          index);
    });
    Map<Long, Integer> byId = builder.indexById();
    lines("/places/aliases.tsv", line -> {
      String[] f = line.split("\t");
      Integer index = byId.get(Long.parseLong(f[1].trim()));
      if (index != null) {
        builder.name(f[0], index);
      }
    });
    lines("/places/regions.tsv", line -> {
      String[] f = line.split("\t");
      int index = builder.add(new GazetteerEntry(Long.parseLong(f[1]), f[0], null, null, null,
          "L", "CONT", Double.parseDouble(f[2]), Double.parseDouble(f[3]), 0));
      builder.name(f[0], index);
    });
    Map<String, String> demonyms = new HashMap<>();
    lines("/places/demonyms.tsv", line -> {
      String[] f = line.split("\t");
      demonyms.put(f[0].trim(), f[1].trim());
    });
    Gazetteer gazetteer = builder.build(demonyms, countries,
        "geonames-cities15000+admin1+countries@2025-12;newswire-lists@1");
    LoggerFactory.getLogger(Gazetteer.class).info(
        "Gazetteer {}: {} places, {} names, built in {} ms", gazetteer.id, gazetteer.size(),
        gazetteer.byName.size(), (System.nanoTime() - started) / 1_000_000);
    return gazetteer;
  }

  private static void lines(String resource, Consumer<String> each) {
    try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Gazetteer resource " + resource + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          each.accept(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /** Collects entries and names, then freezes them. */
  private static final class Builder {
    private final List<GazetteerEntry> entries = new ArrayList<>();
    private final Map<String, int[]> byName = new HashMap<>();

    int add(GazetteerEntry entry) {
      entries.add(entry);
      return entries.size() - 1;
    }

    void name(String name, int index) {
      String key = Names.normalise(name);
      if (key.isEmpty()) {
        return;
      }
      int[] ids = byName.get(key);
      if (ids == null) {
        byName.put(key, new int[] {index});
      } else if (Arrays.stream(ids).noneMatch(i -> i == index)) {
        int[] grown = Arrays.copyOf(ids, ids.length + 1);
        grown[ids.length] = index;
        byName.put(key, grown);
      }
    }

    Map<Long, Integer> indexById() {
      Map<Long, Integer> byId = new HashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        byId.putIfAbsent(entries.get(i).geonameId(), i);
      }
      return byId;
    }

    Gazetteer build(Map<String, String> demonyms, Map<String, GazetteerEntry> countries,
        String id) {
      return new Gazetteer(List.copyOf(entries), Map.copyOf(byName), Map.copyOf(demonyms),
          Map.copyOf(countries), id);
    }
  }
}

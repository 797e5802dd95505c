package io.newswire.enrich.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.slf4j.LoggerFactory;

/**
 * Places by normalised name, compiled once into memory. The frame is always GeoNames' countries
 * and first-level divisions (as shipped in the {@code opensextant-xponents-core} jar) plus
 * Newswire's reviewed aliases, continents and demonyms. The populated places come from the
 * built-in cities of 15,000 people or more, from GeoNames dumps given by path, or from both.
 * Countries and some divisions are placed at GeoNames' own point for them (from the GeoNames rows
 * in the {@code clavin} jar), other countries at their centroid, US states at theirs and other
 * divisions at the centre of the box their towns span, unless a loaded dump carries the country
 * or division itself. Immutable once built; thread-safe.
 */
public final class Gazetteer {
  /** The source name that stands for the built-in cities. */
  public static final String BUILT_IN = "builtin";

  private static final String GEONAMES = "/geonames.org/";
  private static final String LISTS_VERSION = "newswire-lists@7";
  /** Alternate-name "languages" that are codes, links or postcodes rather than names. */
  private static final Set<String> NOT_NAMES = Set.of("link", "post", "iata", "icao", "faac",
      "wkdt", "unlc", "fr_1793", "tcid");

  private final List<GazetteerEntry> entries;
  /** Every normalised name to its places, and which of them it is the own name of. */
  private final NameTable names;
  /** Abbreviations that are names only with their full stop ("Ky.", "Calif."), as written. */
  private final Map<String, int[]> abbreviations;
  private final Map<String, String> demonyms;
  /** Adjectives of continents and of the nations of the United Kingdom, as written. */
  private final Map<String, int[]> regionDemonyms;
  /**
   * Regions and seas with no place in the gazetteer, and their adjectives, normalised: each to
   * the region's name as listed ("middle eastern": "Middle East").
   */
  private final Map<String, String> unlistedRegions;
  private final Map<String, GazetteerEntry> countries;
  private final String id;
  /** The first words of names of several words, also with a final "-ah" read as "-a". */
  private final Set<String> firstWords;
  private final Set<String> regionFirstWords;
  /** Every normalised word that may start a name, demonym, abbreviation or region. */
  private final Set<String> starts;
  /** The first words, as written, of demonyms of several words ("South" of "South African"). */
  private final Set<String> demonymFirstWords;
  /** Hashes of {@link #starts}, of every name, and of the word groups that start longer names. */
  private final NameHashes startHashes;
  private final NameHashes nameHashes;
  private final NameHashes prefixHashes;
  /** Hashes of the names of {@link #unlistedRegions}. */
  private final NameHashes regionHashes;
  /** Hashes of the normalised words that may start a region the gazetteer lacks or a demonym. */
  private final NameHashes otherStartHashes;

  private Gazetteer(List<GazetteerEntry> entries, Map<String, int[]> byName,
      Map<String, int[]> primary, Map<String, int[]> abbreviations,
      Map<String, String> demonyms, Map<String, int[]> regionDemonyms,
      Map<String, String> unlistedRegions, Map<String, GazetteerEntry> countries, String id) {
    this.entries = entries;
    this.names = new NameTable(byName, primary, entries);
    this.abbreviations = abbreviations;
    this.demonyms = demonyms;
    this.regionDemonyms = regionDemonyms;
    this.unlistedRegions = unlistedRegions;
    this.countries = countries;
    this.id = id;
    Set<String> first = new HashSet<>();
    Set<String> regionFirst = new HashSet<>();
    unlistedRegions.keySet().forEach(name -> regionFirst.add(name.split(" ")[0]));
    this.regionFirstWords = Set.copyOf(regionFirst);
    this.regionHashes = new NameHashes(unlistedRegions.keySet());
    for (String name : byName.keySet()) {
      int space = name.indexOf(' ');
      if (space > 0) {
        String word = name.substring(0, space);
        first.add(word);
        first.add(Names.normalise(word));
      }
    }
    this.firstWords = Set.copyOf(first);
    Set<String> all = new HashSet<>(first);
    for (String name : byName.keySet()) {
      all.add(firstWord(name));
    }
    all.addAll(regionFirst);
    List<String> written = new ArrayList<>(demonyms.keySet());
    written.addAll(regionDemonyms.keySet());
    written.addAll(abbreviations.keySet());
    Set<String> demonymFirst = new HashSet<>();
    for (String word : written) {
      if (word.indexOf(' ') > 0) {
        demonymFirst.add(firstWord(word));
      }
      all.add(firstWord(Names.normalise(word)));
      all.add(firstWord(Names.normalise(word + "s")));
      if (word.endsWith(".")) {
        all.add(firstWord(Names.normalise(word.substring(0, word.length() - 1))));
      }
    }
    this.starts = Set.copyOf(all);
    this.demonymFirstWords = Set.copyOf(demonymFirst);
    Set<String> prefixes = new HashSet<>();
    for (String name : byName.keySet()) {
      for (int space = name.indexOf(' '); space > 0; space = name.indexOf(' ', space + 1)) {
        prefixes.add(name.substring(0, space));
      }
    }
    this.startHashes = new NameHashes(starts);
    Set<String> otherStarts = new HashSet<>(regionFirst);
    List<String> adjectives = new ArrayList<>(demonyms.keySet());
    adjectives.addAll(regionDemonyms.keySet());
    for (String word : adjectives) {
      otherStarts.add(Names.normalise(word));
      otherStarts.add(Names.normalise(word + "s"));
      otherStarts.add(Names.normalise(firstWord(word)));
    }
    this.otherStartHashes = new NameHashes(otherStarts);
    this.nameHashes = new NameHashes(byName.keySet());
    this.prefixHashes = new NameHashes(prefixes);
  }

  /** What the gazetteer is made of (sources and their data dates), for provenance. */
  public String id() {
    return id;
  }

  /** How many places it holds. */
  public int size() {
    return entries.size();
  }

  /** Every place, in load order. */
  public List<GazetteerEntry> places() {
    return entries;
  }

  /** How many distinct normalised names lead to its places. */
  public int nameCount() {
    return names.size();
  }

  /** The places a normalised name may mean. */
  public List<GazetteerEntry> lookup(String normalisedName) {
    return names.lookup(normalisedName);
  }

  /** The places an abbreviation with its full stop stands for ("Ky.": Kentucky), or none. */
  public List<GazetteerEntry> abbreviation(String withStop) {
    int[] ids = abbreviations.get(withStop);
    return ids == null ? List.of() : List.of(entries.get(ids[0]));
  }

  /**
   * Whether a normalised name is the place's own name or a reviewed alias, rather than one of
   * the alternate names GeoNames collects (which include other places' names).
   */
  public boolean isOwnName(String normalisedName, GazetteerEntry entry) {
    return names.isOwn(normalisedName, entry);
  }

  /** The places whose own name or reviewed alias a normalised name is ({@link #isOwnName}). */
  List<GazetteerEntry> owners(String normalisedName) {
    return names.owners(normalisedName);
  }

  /** Whether some place is called this (normalised). */
  public boolean contains(String normalisedName) {
    return names.contains(normalisedName);
  }

  /**
   * Whether a longer name may start with this normalised word: where a word group is looked up
   * word by word, most words start none and need one lookup only.
   */
  public boolean startsLongerName(String normalisedWord) {
    return firstWords.contains(normalisedWord);
  }

  /** The country an adjective of nationality names ("Iraqi": IQ). */
  public Optional<String> demonym(String word) {
    return Optional.ofNullable(demonyms.get(word));
  }

  /** {@link #demonym}, or null. */
  String demonymCountry(String word) {
    return demonyms.get(word);
  }

  /**
   * The continent or nation an adjective names, as written, plural included ("European":
   * Europe, "English": England), or none.
   */
  public Optional<GazetteerEntry> regionDemonym(String word) {
    return Optional.ofNullable(regionDemonymPlace(word));
  }

  /** {@link #regionDemonym}, or null. */
  GazetteerEntry regionDemonymPlace(String word) {
    int[] ids = regionDemonyms.get(word);
    return ids == null ? null : entries.get(ids[0]);
  }

  private static String firstWord(String name) {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  /**
   * Whether a normalised word may start anything the tagger looks up: a place name, a
   * demonym, an abbreviation or a region. Most capitalised words of a text start none.
   */
  public boolean mayStart(String normalisedWord) {
    return starts.contains(normalisedWord);
  }

  /**
   * {@link #mayStart(String)} by the hash of the word's normal form ({@link NameHashes}): false
   * only where that is false.
   */
  boolean mayStart(long normalisedWordHash) {
    return startHashes.contains(normalisedWordHash);
  }

  /** Whether an unlisted region may have the name of this hash: false only where none has. */
  boolean mayBeUnlistedRegion(long normalisedNameHash) {
    return regionHashes.contains(normalisedNameHash);
  }

  /** Whether some place may be called the name of this hash: false only where none is. */
  boolean mayBeName(long normalisedNameHash) {
    return nameHashes.contains(normalisedNameHash);
  }

  /**
   * Whether a longer name may start with the words of this hash (normalised words joined by
   * spaces): false only where none does.
   */
  boolean mayContinue(long normalisedWordsHash) {
    return prefixHashes.contains(normalisedWordsHash);
  }

  /**
   * Whether a word, by the hash of its normal form, may start a region the gazetteer has no
   * place for or a demonym, of one word or several: false only where it starts neither.
   */
  boolean mayStartOther(long normalisedWordHash) {
    return otherStartHashes.contains(normalisedWordHash);
  }

  /** Whether a word, as written, starts a demonym of several words ("South", "North"). */
  public boolean startsLongerDemonym(String word) {
    return demonymFirstWords.contains(word);
  }

  /** Whether a normalised word is the first of a region or sea the gazetteer has no place for. */
  public boolean startsUnlistedRegion(String normalisedWord) {
    return regionFirstWords.contains(normalisedWord);
  }

  /**
   * The region or sea the gazetteer holds no place for that a normalised name or adjective
   * stands for ("middle eastern": "Middle East"), or null.
   */
  public String unlistedRegion(String normalisedName) {
    return unlistedRegions.get(normalisedName);
  }

  /** The country with this ISO code. */
  public Optional<GazetteerEntry> country(String isoCode) {
    return Optional.ofNullable(countries.get(isoCode));
  }

  /** Loads the built-in gazetteer. */
  public static Gazetteer builtIn() {
    return load(List.of(BUILT_IN));
  }

  /**
   * Loads the gazetteer from a comma-separated list of sources: {@value #BUILT_IN} for the
   * built-in cities, otherwise paths of GeoNames dumps (plain or {@code .gz}).
   *
   * @see #load(List)
   */
  public static Gazetteer load(String sources) {
    return load(Arrays.stream(sources.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList());
  }

  /**
   * Loads the gazetteer from these sources, in order: {@value #BUILT_IN} for the built-in cities;
   * a path to a GeoNames dump in the standard 19-column format ({@code cities500.txt},
   * {@code allCountries.txt.gz} ...), whose places add to (or, for the same geonameid, refine)
   * those before; or a path to a GeoNames {@code alternateNames*.txt} file, whose Latin-script
   * names are added to the places already loaded. Without sources it loads the built-in cities.
   *
   * @throws IllegalArgumentException naming the file and line when a dump cannot be read
   */
  public static Gazetteer load(List<String> sources) {
    long started = System.nanoTime();
    List<String> given = sources.isEmpty() ? List.of(BUILT_IN) : sources;
    Builder builder = new Builder();
    List<String> ids = new ArrayList<>();
    ids.add("geonames-countries+admin1@2025-12+clavin-supplementary@2013");
    for (String source : given) {
      if (BUILT_IN.equals(source)) {
        String date = builder.dump(GEONAMES + "cities15000.txt", reader(GEONAMES
            + "cities15000.txt"));
        ids.add("geonames-cities15000@" + date);
      } else {
        Path path = Path.of(source);
        String name = path.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).startsWith("alternatenames")) {
          builder.alternateNames(source, reader(path));
          ids.add(name);
        } else {
          ids.add(name + "@" + builder.dump(source, reader(path)));
        }
      }
    }
    ids.add(LISTS_VERSION);
    Gazetteer gazetteer = builder.build(String.join("+", ids));
    LoggerFactory.getLogger(Gazetteer.class).info(
        "Gazetteer {}: {} places, {} names, built in {} ms", gazetteer.id, gazetteer.size(),
        gazetteer.nameCount(), (System.nanoTime() - started) / 1_000_000);
    return gazetteer;
  }

  private static BufferedReader reader(String resource) {
    InputStream in = Gazetteer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Gazetteer resource " + resource + " is missing");
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static BufferedReader reader(Path path) {
    try {
      InputStream in = Files.newInputStream(path);
      if (path.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read gazetteer file " + path + ": " + e, e);
    }
  }

  private static void lines(String resource, Consumer<String> each) {
    try (BufferedReader reader = reader(resource)) {
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

  private static double[] point(String latitude, String longitude) {
    return new double[] {Double.parseDouble(latitude), Double.parseDouble(longitude)};
  }

  /** Collects entries and names, then freezes them. */
  private static final class Builder {
    private final List<GazetteerEntry> entries = new ArrayList<>();
    private final Map<String, int[]> byName = new HashMap<>();
    /** Names that are a place's own (not an alternate name), by normalised name. */
    private final Map<String, int[]> primary = new HashMap<>();
    private final Map<Long, Integer> byId = new HashMap<>();
    private final Map<String, Integer> countries = new HashMap<>();
    private final Map<String, Integer> divisions = new HashMap<>();
    private final Map<String, String> divisionNames = new HashMap<>();
    /** Countries and divisions whose coordinates came from a dump's own row. */
    private final Map<Integer, Boolean> placedByDump = new HashMap<>();
    private final Map<String, double[]> capitals = new HashMap<>();
    /** Per division: the box its places span (south, west, north, east). */
    private final Map<String, double[]> settled = new HashMap<>();
    private Map<String, int[]> abbreviations = Map.of();

    Builder() {
      Map<String, double[]> centroids = new HashMap<>();
      lines("/country-names-2021.csv", line -> {
        String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        if (f.length == 8 && "false".equals(f[5]) && f[2].length() == 2) {
          centroids.putIfAbsent(f[2], point(f[6], f[7]));
        }
      });
      lines(GEONAMES + "countryInfo.txt", line -> {
        String[] f = line.split("\t", -1);
        if (f.length > 16 && !f[16].isEmpty()) {
          double[] at = centroids.getOrDefault(f[0], new double[] {Double.NaN, Double.NaN});
          int index = add(new GazetteerEntry(Long.parseLong(f[16]), f[4], f[0], null, null, "A",
              "PCLI", at[0], at[1], f[7].isEmpty() ? 0 : Long.parseLong(f[7])));
          name(f[4], index);
          countries.put(f[0], index);
        }
      });
      Map<String, double[]> states = new HashMap<>();
      lines("/us-state-metadata.csv", line -> {
        String[] f = line.replace("\"", "").split(",", -1);
        if (f.length == 7 && !"LAT".equals(f[3])) {
          states.put("US." + f[0], point(f[3], f[4]));
        }
      });
      lines(GEONAMES + "admin1CodesASCII.txt", line -> {
        String[] f = line.split("\t", -1);
        if (f.length < 4) {
          return;
        }
        String[] code = f[0].split("\\.", 2);
        double[] at = states.getOrDefault(f[0], new double[] {Double.NaN, Double.NaN});
        int index = add(new GazetteerEntry(Long.parseLong(f[3]), f[1], code[0],
            code.length > 1 ? code[1] : null, f[1], "A", "ADM1", at[0], at[1], 0));
        name(f[1], index);
        name(f[2], index);
        name(f[2].replaceAll("(?i)\\s+(governorate|province|region|state|county)$", ""), index);
        divisions.put(f[0], index);
        divisionNames.put(f[0], f[1]);
      });
      lines("/SupplementaryGazetteer.txt", line -> {
        String[] f = line.split("\t", -1);
        if (f.length == 19) {
          frame(f);
        }
      });
    }

    /**
     * A GeoNames row for a country or division: its point and names; or a territory or union the
     * frame lacks ("West Bank", "European Union"). Its alternate names are codes, and not read.
     */
    private void frame(String[] f) {
      long geonameId = Long.parseLong(f[0]);
      double latitude = Double.parseDouble(f[4]);
      double longitude = Double.parseDouble(f[5]);
      Integer known = byId.get(geonameId);
      int index;
      if (known == null) {
        index = add(new GazetteerEntry(geonameId, f[1], f[8], f[10].isEmpty() ? null : f[10],
            divisionNames.get(f[8] + "." + f[10]), f[6], f[7], latitude, longitude,
            f[14].isEmpty() ? 0 : Long.parseLong(f[14])));
      } else {
        index = known;
        entries.set(index, entries.get(index).withPoint(latitude, longitude));
      }
      name(f[1], index);
      name(f[2], index);
    }

    int add(GazetteerEntry entry) {
      entries.add(entry);
      int index = entries.size() - 1;
      byId.putIfAbsent(entry.geonameId(), index);
      return index;
    }

    /** A name a place is known by: its own, its ASCII form, or a reviewed alias. */
    void name(String name, int index) {
      String key = Names.normalise(name);
      if (!key.isEmpty()) {
        add(primary, key, index);
      }
      alternate(name, index);
    }

    /** One of a place's other names (GeoNames' alternate names). */
    void alternate(String name, int index) {
      String key = Names.normalise(name);
      if (!key.isEmpty()) {
        add(byName, key, index);
      }
    }

    private static void add(Map<String, int[]> names, String key, int index) {
      int[] ids = names.get(key);
      if (ids == null) {
        names.put(key, new int[] {index});
      } else if (Arrays.stream(ids).noneMatch(i -> i == index)) {
        int[] grown = Arrays.copyOf(ids, ids.length + 1);
        grown[ids.length] = index;
        names.put(key, grown);
      }
    }

    /**
     * Reads a 19-column GeoNames dump: populated places, areas, and the countries and divisions
     * it may hold. Returns the latest modification date in it.
     */
    String dump(String source, BufferedReader reader) {
      String latest = "";
      int number = 0;
      try (reader) {
        String line;
        while ((line = reader.readLine()) != null) {
          number++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] f = line.split("\t", -1);
          if (f.length != 19) {
            throw new IllegalArgumentException(source + " line " + number + " has " + f.length
                + " tab-separated columns; a GeoNames dump has 19 (geonameid, name, asciiname,"
                + " alternatenames, latitude, longitude, feature class, feature code, ...)");
          }
          try {
            place(f);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " line " + number
                + ": not a GeoNames row (" + e.getMessage() + ")", e);
          }
          if (f[18].compareTo(latest) > 0) {
            latest = f[18];
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read gazetteer " + source, e);
      }
      return latest.isEmpty() ? "undated" : latest;
    }

    private void place(String[] f) {
      String featureClass = f[6];
      String featureCode = f[7];
      boolean frame = featureCode.startsWith("PCL") || "ADM1".equals(featureCode);
      boolean wanted = "P".equals(featureClass) || "L".equals(featureClass)
          || "A".equals(featureClass) && (frame || featureCode.startsWith("ADM"));
      if (!wanted) {
        return;
      }
      long geonameId = Long.parseLong(f[0]);
      double latitude = Double.parseDouble(f[4]);
      double longitude = Double.parseDouble(f[5]);
      Integer known = byId.get(geonameId);
      int index;
      if (known == null) {
        String admin1 = f[8] + "." + f[10];
        index = add(new GazetteerEntry(geonameId, f[1], f[8], f[10].isEmpty() ? null : f[10],
            divisionNames.get(admin1), featureClass, featureCode, latitude, longitude,
            f[14].isEmpty() ? 0 : Long.parseLong(f[14])));
        if ("PPLC".equals(featureCode)) {
          capitals.put(f[8], new double[] {latitude, longitude});
        }
        if ("P".equals(featureClass)) {
          double[] box = settled.computeIfAbsent(admin1, k -> new double[] {90, 180, -90, -180});
          box[0] = Math.min(box[0], latitude);
          box[1] = Math.min(box[1], longitude);
          box[2] = Math.max(box[2], latitude);
          box[3] = Math.max(box[3], longitude);
        }
      } else {
        index = known;
        if (frame && !placedByDump.containsKey(index)) {
          entries.set(index, entries.get(index).withPoint(latitude, longitude));
          placedByDump.put(index, true);
        }
      }
      name(f[1], index);
      name(f[2], index);
      for (String alternate : f[3].split(",")) {
        if (alternate.length() > 2 && Names.isLatin(alternate) && !isCode(alternate)) {
          alternate(alternate, index);
        }
      }
    }

    /** Airport and other codes among GeoNames' alternate names ("AID", "KJFK"). */
    private static boolean isCode(String alternate) {
      return alternate.length() <= 4 && alternate.chars().allMatch(c -> c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9');
    }

    /** Reads a GeoNames alternate-names file, keeping Latin names of places already loaded. */
    void alternateNames(String source, BufferedReader reader) {
      int number = 0;
      try (reader) {
        String line;
        while ((line = reader.readLine()) != null) {
          number++;
          String[] f = line.split("\t", -1);
          if (f.length < 4) {
            throw new IllegalArgumentException(source + " line " + number + " has " + f.length
                + " tab-separated columns; a GeoNames alternate-names file has at least 4"
                + " (alternateNameId, geonameid, isolanguage, alternate name, ...)");
          }
          Integer index = byId.get(Long.parseLong(f[1]));
          boolean historic = f.length > 7 && "1".equals(f[7]);
          if (index != null && !historic && !NOT_NAMES.contains(f[2]) && f[3].length() > 2
              && Names.isLatin(f[3])) {
            alternate(f[3], index);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read gazetteer " + source, e);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + " line " + number
            + ": not a GeoNames alternate-names row (" + e.getMessage() + ")", e);
      }
    }

    /** Places countries and divisions no source placed, then adds the reviewed lists. */
    Gazetteer build(String id) {
      countries.forEach((iso, index) -> fallback(index, capitals.get(iso)));
      lines("/places/division-points.tsv", line -> {
        String[] f = line.split("\t");
        Integer index = byId.get(Long.parseLong(f[0]));
        if (index != null && entries.get(index).isAdmin1()) {
          fallback(index, point(f[1], f[2]));
        }
      });
      divisions.forEach((code, index) -> {
        double[] box = settled.get(code);
        fallback(index, box == null ? null
            : new double[] {(box[0] + box[2]) / 2, (box[1] + box[3]) / 2});
      });
      lines("/places/aliases.tsv", line -> {
        String[] f = line.split("\t");
        Integer index = byId.get(Long.parseLong(f[1].trim()));
        if (index != null) {
          name(f[0], index);
        }
      });
      Map<String, int[]> stopped = new HashMap<>();
      lines("/places/abbreviations.tsv", line -> {
        String[] f = line.split("\t");
        Integer index = divisions.get(f[1].trim());
        if (index == null) {
          return;
        }
        stopped.put(f[0], new int[] {index});
      });
      abbreviations = Map.copyOf(stopped);
      lines("/places/regions.tsv", line -> {
        String[] f = line.split("\t");
        long geonameId = Long.parseLong(f[1]);
        Integer known = byId.get(geonameId);
        double lat = Double.parseDouble(f[2]);
        double lon = Double.parseDouble(f[3]);
        int index = known != null ? known : add(new GazetteerEntry(geonameId, f[0], null, null,
            null, "L", "CONT", lat, lon, 0));
        if (known != null) {
          entries.set(known, entries.get(known).withPoint(lat, lon));
        }
        name(f[0], index);
      });
      Map<String, int[]> regionDemonyms = new HashMap<>();
      lines("/places/region-demonyms.tsv", line -> {
        String[] f = line.split("\t");
        Integer index = byId.get(Long.parseLong(f[1].trim()));
        if (index != null) {
          regionDemonyms.put(f[0], new int[] {index});
        }
      });
      Map<String, String> unlistedRegions = new HashMap<>();
      lines("/places/regions-unlisted.txt", line -> {
        String[] f = line.split("\t");
        unlistedRegions.put(Names.normalise(f[0]), f[f.length - 1].trim());
      });
      Map<String, String> demonyms = new HashMap<>();
      lines("/places/demonyms.tsv", line -> {
        String[] f = line.split("\t");
        demonyms.put(f[0].trim(), f[1].trim());
      });
      // One string per code, and the places laid out in the heap in index order: the tagger
      // reads the codes of many candidates, which then share a few hot cache lines.
      for (int i = 0; i < entries.size(); i++) {
        GazetteerEntry e = entries.get(i);
        entries.set(i, new GazetteerEntry(e.geonameId(), e.name(), intern(e.countryCode()),
            intern(e.admin1Code()), e.admin1Name(), intern(e.featureClass()),
            intern(e.featureCode()), e.latitude(), e.longitude(), e.population()));
      }
      Map<String, GazetteerEntry> byCountry = new HashMap<>();
      countries.forEach((iso, index) -> byCountry.put(iso, entries.get(index)));
      return new Gazetteer(List.copyOf(entries), Collections.unmodifiableMap(byName),
          Collections.unmodifiableMap(primary),
          abbreviations, Map.copyOf(demonyms), Map.copyOf(regionDemonyms),
          Map.copyOf(unlistedRegions), Map.copyOf(byCountry), id);
    }

    private static String intern(String code) {
      return code == null ? null : code.intern();
    }

    private void fallback(int index, double[] point) {
      GazetteerEntry entry = entries.get(index);
      if (Double.isNaN(entry.latitude()) && point != null) {
        entries.set(index, entry.withPoint(point[0], point[1]));
      }
    }
  }
}

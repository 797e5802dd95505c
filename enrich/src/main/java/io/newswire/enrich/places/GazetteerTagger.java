package io.newswire.enrich.places;

import io.newswire.avro.CountrySignal;
import io.newswire.avro.Mention;
import io.newswire.avro.MentionKind;
import io.newswire.avro.Place;
import io.newswire.avro.PlaceRole;
import io.newswire.enrich.PlaceTagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds place names by longest normalised match against the gazetteer, drops the classic false
 * positives (names of people, outlets, words that are places only by accident), keeps places
 * inside organisations' names as mentions of their own kind, resolves each name to one place by
 * country coherence, feature and population, and picks the focus by weighted mention count
 * (headline and lead weigh more). Thread-safe.
 */
public final class GazetteerTagger implements PlaceTagger {
  private static final int MAX_WORDS = 4;
  /** Marks a word group no name can be ({@link #groupHashes}). */
  private static final long NO_NAME = 1;
  /** What a name says by itself ({@link #byItself}). */
  private static final int NO_PLACE_NAME = 0;
  private static final int PLACE_NAME = 1;
  private static final int MAJOR_NAME = 2;
  /** Marks a name that resolves to no place ({@link #resolve}). */
  private static final GazetteerEntry NO_PLACE = new GazetteerEntry(0, "", null, null, null,
      "", "", Double.NaN, Double.NaN, 0);
  /** What a candidate gains when the name is its own, not one of its alternate names. */
  private static final double OWN_NAME = 2;
  /** What a candidate gains when the name after it ("London, Ontario") contains it. */
  private static final double CONTAINED = 10;
  /** The population from which a country's divisions are household names. */
  private static final long PROMINENT_COUNTRY = 10_000_000;
  /** The population from which a town's own name is a place first, a person's name second. */
  private static final long CITY = 100_000;
  /** What a national capital gains over other towns of its name. */
  private static final double PPLC = 2;
  /** What each name elsewhere in the article pointing to the candidate's country adds. */
  private static final double VOTE = 1.5;
  /**
   * The most names' worth of country votes a candidate gains: a string of towns in one country
   * does not outvote a world city named like a town there ("Paris", "Sydney" in a story that
   * also names New York, Denver and Las Vegas). A town in a division the article names still
   * gains that division's votes ("Paris" in a Texas story).
   */
  private static final double MAX_COUNTRY_VOTES = 2;
  /** What each name elsewhere in the article pointing to the candidate's division adds. */
  private static final double DIVISION_VOTE = 1.5;
  /** Countries whose names people also carry ("Jordan said" is usually a person). */
  private static final Set<String> FIRST_NAME_COUNTRIES = Set.of("Jordan", "Chad", "Georgia",
      "India", "Israel", "Niger", "Mali");
  /** Words before a person's name: particles and titles. */
  private static final WordSet PERSON_PARTICLES = new WordSet("Abu", "Umm", "Ibn", "bin",
      "Bin", "Mr", "Mrs", "Ms", "Dr", "Sheikh", "President", "Senator", "Governor",
      "Representative", "Secretary", "Chancellor", "Commissioner", "General", "Minister", "Sen",
      "Gov", "Rep", "Mayor", "Judge", "Prof", "Const", "Sgt", "Lt", "Col", "Gen", "Capt", "Rev",
      "Coach", "Sir", "Lady");
  /** Words right before a name that make it a place, whatever follows ("in Mosul said"). */
  private static final WordSet PLACE_PREPOSITIONS = new WordSet("in", "at", "from", "near");
  /** Words before "of" and a name that make it a place, whatever follows ("residents of"). */
  private static final WordSet PLACE_HOLDERS = new WordSet("residents", "Residents", "people",
      "People", "citizens", "mayor", "governor", "city", "town", "village", "outskirts",
      "streets", "police");
  /*
   * The short lists of words below, looked through for many words of every article, are arrays:
   * a list's iterator calls the list through an interface at every step, and in a process where
   * lists of many classes pass through the same JDK code those calls are not inlined.
   */
  /** Words after a name that make it a person's ("Ibrahim said"). */
  private static final String[] PERSON_VERBS = {"said", "says", "told", "added", "explained",
      "who", "tweeted", "wrote"};
  /** Words for kin, after which a name is a person's ("his brother Tyler", "his wife, Julia"). */
  private static final WordSet KIN = new WordSet("brother", "sister", "wife", "husband", "son",
      "daughter", "mother", "father", "uncle", "aunt", "cousin", "nephew", "niece", "grandson",
      "granddaughter", "grandfather", "grandmother", "boyfriend", "girlfriend", "fiancé",
      "fiancée", "widow", "widower", "stepson", "stepdaughter", "stepfather", "stepmother");
  private static final String[] OUTLET_VERBS = {"told", "tell", "tells", "according to",
      "reported by", "wrote in"};
  /** The first letters of {@link #PERSON_VERBS} and the last of {@link #OUTLET_VERBS}. */
  private static final String PERSON_VERB_STARTS = Arrays.stream(PERSON_VERBS)
      .map(verb -> verb.substring(0, 1)).collect(Collectors.joining());
  private static final String OUTLET_VERB_ENDS = Arrays.stream(OUTLET_VERBS)
      .map(verb -> verb.substring(verb.length() - 1)).collect(Collectors.joining());
  private static final WordSet ORGANISATION_WORDS = new WordSet("Cells", "Brigade", "Brigades",
      "Council", "Ministry", "Forces", "Army", "Unit", "Company", "Authority", "Agency", "Centre",
      "Center", "Committee", "Police", "Party", "Movement", "Front", "Coalition", "Organisation",
      "Organization", "University", "Institute", "Commission", "Office", "Department", "Group",
      "Bank", "Court", "Liberation", "State", "Times", "Post", "News", "Airport", "Airways",
      "Airlines", "Club", "United", "FC");
  /** Words before a place name that make it a different, larger name's part, not a person's. */
  private static final WordSet QUALIFIERS = new WordSet("Northern", "Southern", "Eastern",
      "Western", "Central", "North", "South", "East", "West", "Greater", "Upper", "Lower",
      "Downtown", "Metro", "Old", "New", "Inner", "Outer", "In", "At", "From", "To", "The",
      "And", "Of", "For", "On", "By", "With", "Across", "Near", "Outside", "Inside", "Like",
      "Rural", "Coastal", "Mainland", "Occupied", "Democratic", "Republic", "Mr", "Mrs");
  /** Words before "of" and a name that make it a town ("the city of Turkey"). */
  private static final String[] TOWN_BEFORE = {"city of ", "town of ", "village of "};
  /** Words before "of" and a name that make it a division ("the state of New York"). */
  private static final String[] DIVISION_BEFORE = {"state of ", "province of "};
  /**
   * Capitalised words that end a place's name ("Metcalfe County", "Hutcheson Road"): a name
   * before one is part of that longer name, not a place of its own.
   */
  private static final WordSet NAME_NOUNS = new WordSet("County", "Parish", "Road", "Street",
      "Avenue", "Boulevard", "Highway", "River");

  /** Words after a name that say the name is a place ("Hamam al-Alil district"). */
  private static final WordSet PLACE_NOUNS = new WordSet("district", "province", "governorate",
      "village", "town", "neighbourhood", "neighborhood", "camp", "region");

  private final Gazetteer gazetteer;
  /** {@link #divisionKey}s by country and division code. */
  private final Map<String, Map<String, String>> divisionKeys = new ConcurrentHashMap<>();
  private final Set<String> stopwords;
  private final Set<String> commonWords;
  private final Set<String> givenNames;
  /**
   * The word groups met so far ({@link #group}), in every article: the same names recur from
   * article to article. One group per slot, the last one met; groups never change once made,
   * so threads share them without locks.
   */
  private final Group[] knownGroups = new Group[1 << 14];
  /** The votes of the candidates of names met before ({@link #voting}), kept the same way. */
  private final Voting[] knownVotings = new Voting[1 << 12];

  public GazetteerTagger(Gazetteer gazetteer) {
    this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    this.stopwords = readWords("/places/stopwords.txt", "\n");
    this.commonWords = readWords("/places/common-words.txt", "\\s+");
    this.givenNames = readWords("/places/given-names.txt", "\\s+");
  }

  @Override
  public String gazetteerId() {
    return gazetteer.id();
  }

  /**
   * What the fields of one article add up to: the names found, the demonyms, the words seen as
   * parts of people's names, and the gazetteer's answers so far (names recur).
   */
  private final class Article {
    final List<Found> found = new ArrayList<>();
    final Map<String, List<Mention>> demonyms = new LinkedHashMap<>();
    final Set<String> persons = new HashSet<>();
    private final Map<String, List<GazetteerEntry>> lookups = new HashMap<>();
    private final Map<String, List<GazetteerEntry>> owners = new HashMap<>();
    /** Scratch for {@link #groupHashes}. */
    final long[] hashes = new long[MAX_WORDS];

    /** {@link Gazetteer#lookup}. */
    List<GazetteerEntry> lookup(String key) {
      List<GazetteerEntry> candidates = lookups.get(key);
      if (candidates == null) {
        candidates = gazetteer.lookup(key);
        lookups.put(key, candidates);
      }
      return candidates;
    }

    /** {@link Gazetteer#isOwnName}. */
    boolean isOwnName(String key, GazetteerEntry entry) {
      List<GazetteerEntry> places = owners.get(key);
      if (places == null) {
        places = gazetteer.owners(key);
        owners.put(key, places);
      }
      for (GazetteerEntry place : places) {
        if (place == entry) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The word group text[start, end) of {@code words} words: found again, with no string made,
   * where an earlier article or field met it, else made and kept. {@code plainHash} is the hash
   * of its normal form where it is made of plain words ({@link #groupHashes}), else 0.
   */
  private Group group(String text, int start, int end, int words, long plainHash) {
    long hash = plainHash != 0 ? plainHash : surfaceHash(text, start, end);
    int slot = (int) NameHashes.mix(hash) & knownGroups.length - 1;
    Group group = knownGroups[slot];
    if (group != null && group.hash == hash && group.surface.length() == end - start
        && text.startsWith(group.surface, start)) {
      return group;
    }
    String surface = text.substring(start, end);
    String key = plainHash != 0 ? Names.plainKey(text, start, end) : Names.normalise(surface);
    List<GazetteerEntry> candidates = List.copyOf(gazetteer.lookup(key));
    group = new Group(hash, surface, key, candidates,
        candidates.isEmpty() ? NO_PLACE_NAME : byItself(surface, words, candidates));
    knownGroups[slot] = group;
    return group;
  }

  /** The hash of text[start, end) as written, for groups that are not plain words. */
  private static long surfaceHash(String text, int start, int end) {
    long hash = NameHashes.EMPTY;
    for (int i = start; i < end; i++) {
      hash = NameHashes.extend(hash, text.charAt(i));
    }
    return hash;
  }

  /**
   * A word group as written, its normal form and candidates, and what it says by itself
   * ({@link #byItself}).
   */
  private record Group(long hash, String surface, String key, List<GazetteerEntry> candidates,
      int byItself) {
  }

  /** A name found in a field, before resolution; {@code commaAfter}: ", " follows it. */
  private record Found(String field, int start, int end, String text, String key,
      MentionKind kind, List<GazetteerEntry> candidates, double weight, boolean commaAfter) {
  }

  @Override
  public PlaceTags tag(ArticleText text) {
    Article article = new Article();
    List<Found> found = article.found;
    Map<String, List<Mention>> demonyms = article.demonyms;
    Set<String> persons = article.persons;
    scan("headline", text.headline(), 3.0, article);
    for (String caption : text.captions()) {
      scan("caption", caption, 1.0, article);
    }
    for (String subheading : text.subheadings()) {
      scan("subheading", subheading, 1.0, article);
    }
    String body = text.body() == null ? "" : text.body();
    int lead = body.indexOf("\n\n");
    Words bodyWords = Words.nearCapitals(body);
    scan("body", body, bodyWords, 1.0, article);
    // "Dewly Nelson" makes every "Nelson" of the article the man, not the town; a city that
    // big that people know it by that name stays ("CBC Radio's Edmonton AM").
    if (!persons.isEmpty()) {
      found.removeIf(f -> persons.contains(f.text()) && !f.candidates().isEmpty()
          && !knownBeyondPeople(f, article));
    }
    if (lead > 0) {
      int leadEnd = body.codePointCount(0, lead);
      for (int i = 0; i < found.size(); i++) {
        Found f = found.get(i);
        if ("body".equals(f.field()) && f.end() <= leadEnd) {
          found.set(i, new Found(f.field(), f.start(), f.end(), f.text(), f.key(), f.kind(),
              f.candidates(), f.weight() * 2, f.commaAfter()));
        }
      }
    }
    Map<String, List<Found>> regions = new LinkedHashMap<>();
    Map<String, List<Found>> elsewhere = new LinkedHashMap<>();
    // No candidates: a region the gazetteer lacks, or a town no namesake of which fits.
    found.removeIf(f -> f.candidates().isEmpty()
        && (gazetteer.unlistedRegion(Names.normalise(f.text())) != null
        ? regions.computeIfAbsent(f.key(), k -> new ArrayList<>())
        : elsewhere.computeIfAbsent(Names.normalise(f.text()), k -> new ArrayList<>())).add(f));
    Map<GazetteerEntry, List<Found>> resolved = resolve(article, text.dateline(), elsewhere);
    List<Place> places = new ArrayList<>();
    GazetteerEntry focus = null;
    double focusWeight = 0;
    for (Map.Entry<GazetteerEntry, List<Found>> e : resolved.entrySet()) {
      // "European leaders" says what the article is about, not where it is: adjectives never
      // make the focus.
      double weight = e.getValue().stream().filter(f -> f.kind() != MentionKind.DEMONYM)
          .mapToDouble(Found::weight).sum();
      if (weight == 0) {
        continue;
      }
      if (weight > focusWeight || weight == focusWeight && focus != null
          && specificity(e.getKey()) > specificity(focus)) {
        focus = e.getKey();
        focusWeight = weight;
      }
    }
    for (Map.Entry<GazetteerEntry, List<Found>> e : resolved.entrySet()) {
      places.add(place(e.getKey(), e.getValue(), e.getKey() == focus));
    }
    regions.forEach((name, mentions) -> places.add(new Place(null, name, null, null, null, "L",
        "RGN", null, null, null, mentions.stream().map(GazetteerTagger::mention).toList(), 0.5,
        PlaceRole.MENTIONED)));
    elsewhere.values().forEach(mentions -> places.add(unresolved(mentions.get(0).text(),
        mentions.stream().map(GazetteerTagger::mention).toList())));
    addUnresolved(body, bodyWords, places);
    List<CountrySignal> about = new ArrayList<>();
    demonyms.forEach((iso, mentions) -> about.add(new CountrySignal(iso,
        gazetteer.country(iso).map(GazetteerEntry::geonameId).orElse(null), mentions)));
    return new PlaceTags(places, focus == null ? null : focus.geonameId(),
        focus == null ? null : focus.countryCode(), about);
  }

  private void scan(String field, String text, double weight, Article article) {
    if (text != null) {
      scan(field, text, Words.nearCapitals(text), weight, article);
    }
  }

  /**
   * Finds the names in one field; {@code persons} collects the words seen as parts of people's
   * names, which are no places anywhere in the article.
   */
  private void scan(String field, String text, Words words, double weight,
      Article article) {
    if (text == null || text.isBlank()) {
      return;
    }
    List<Found> found = article.found;
    Map<String, List<Mention>> demonyms = article.demonyms;
    Set<String> persons = article.persons;
    CodePoints offsets = new CodePoints(text, words.hasSurrogates());
    for (int i = 0; i < words.size(); i++) {
      int firstStart = words.start(i);
      int firstEnd = words.end(i);
      char initial = text.charAt(firstStart);
      if (!(initial < 0x80 ? initial >= 'A' && initial <= 'Z'
          : Character.isUpperCase(text.codePointAt(firstStart)))
          && !((initial == 'a' || initial == 'e') && text.startsWith("l-", firstStart + 1))) {
        continue;
      }
      // Most capitalised words start no name: told from the characters, with no string made.
      long firstHash = Names.hashPlain(NameHashes.EMPTY, text, firstStart, firstEnd);
      int firstLength = firstEnd - firstStart;
      if (firstHash != 0 && !gazetteer.mayStart(keyHash(NameHashes.EMPTY, firstHash, text,
          firstStart, firstEnd, firstLength)) && !Names.isArticle(text, firstStart, firstEnd)
          && !Names.isFolded(text, firstStart, firstEnd, "saint")) {
        continue;
      }
      // A plain word that starts no region, demonym or abbreviation goes straight to the names.
      String firstKey = null;
      if (firstHash == 0 || gazetteer.mayStartOther(keyHash(NameHashes.EMPTY, firstHash, text,
          firstStart, firstEnd, firstLength))
          || firstEnd < text.length() && text.charAt(firstEnd) == '.') {
        String firstWord = text.substring(firstStart, firstEnd);
        if (!startsUpper(firstWord)) {
          continue;
        }
        firstKey = Names.normalise(firstWord);
        if (firstHash == 0 && !gazetteer.mayStart(firstKey) && !Names.isArticle(firstKey)
            && !"saint".equals(firstKey)) {
          continue;
        }
        // "Middle East", "Indian Ocean": regions the gazetteer has no place for.
        int region = gazetteer.startsUnlistedRegion(firstKey)
            ? unlistedRegion(text, words, i, firstHash, article.hashes) : 0;
        if (region > 0) {
          int end = words.end(i + region - 1);
          String surface = text.substring(firstStart, end);
          String name = gazetteer.unlistedRegion(Names.normalise(surface));
          MentionKind kind = insideOrganisation(text, words, i, i + region - 1)
              ? MentionKind.EMBEDDED
              : Names.normalise(name).equals(Names.normalise(surface)) ? MentionKind.NAME
              : MentionKind.DEMONYM;
          found.add(new Found(field, offsets.at(firstStart), offsets.at(end), surface, name, kind,
              List.of(), weight, text.startsWith(", ", end)));
          i += region - 1;
          continue;
        }
        // "North American", "Europeans", "English": the continent or nation, as a demonym.
        int nextEnd = i + 1 < words.size() ? words.end(i + 1) : -1;
        boolean twoWords = nextEnd > 0 && words.start(i + 1) == firstEnd + 1
            && text.charAt(firstEnd) == ' ' && gazetteer.startsLongerDemonym(firstWord);
        GazetteerEntry continent = twoWords
            ? regionDemonym(text.substring(firstStart, nextEnd)) : null;
        int demonymEnd = continent != null ? nextEnd : firstEnd;
        if (continent == null) {
          continent = regionDemonym(firstWord);
        }
        if (continent != null) {
          found.add(new Found(field, offsets.at(firstStart), offsets.at(demonymEnd),
              text.substring(firstStart, demonymEnd), null, MentionKind.DEMONYM,
              List.of(continent), weight * 0.2, text.startsWith(", ", demonymEnd)));
          i += demonymEnd == firstEnd ? 0 : 1;
          continue;
        }
        // "South African" as one demonym; "British" alone, but not in "British Columbia".
        String demonym = twoWords ? countryDemonym(text.substring(firstStart, nextEnd)) : null;
        demonymEnd = demonym != null ? nextEnd : firstEnd;
        if (demonym == null) {
          demonym = countryDemonym(firstWord);
          if (demonym != null && gazetteer.startsLongerName(firstKey)
              && longerNameAt(text, words, i)) {
            demonym = null;
          }
        }
        if (demonym != null) {
          demonyms.computeIfAbsent(demonym, k -> new ArrayList<>()).add(mention(field, offsets,
              text, firstStart, demonymEnd, MentionKind.DEMONYM));
          i += demonymEnd == firstEnd ? 0 : 1;
          continue;
        }
        // "N.Y." keeps its stops as a word; "Ky." is a word and the stop after it.
        int stop = firstWord.endsWith(".") ? firstEnd : firstEnd < text.length()
            && text.charAt(firstEnd) == '.' ? firstEnd + 1 : -1;
        List<GazetteerEntry> state = stop < 0 ? List.of()
            : gazetteer.abbreviation(text.substring(firstStart, stop));
        if (!state.isEmpty()) {
          found.add(new Found(field, offsets.at(firstStart), offsets.at(stop),
              text.substring(firstStart, stop), null, MentionKind.NAME, state, weight,
              text.startsWith(", ", stop)));
          continue;
        }
      }
      // Word groups of plain words are cut short by their hashes; others need the first word.
      boolean longer = firstHash != 0 || gazetteer.startsLongerName(firstKey)
          || Names.isArticle(firstKey) || "saint".equals(firstKey);
      int most = longer ? words.run(i, MAX_WORDS) : 1;
      long[] groups = groupHashes(text, words, i, most, firstHash, article.hashes, true);
      for (int n = most; n >= 1; n--) {
        if (groups[n - 1] == NO_NAME
            || groups[n - 1] != 0 && !gazetteer.mayBeName(groups[n - 1])) {
          continue;
        }
        int start = firstStart;
        int end = words.end(i + n - 1);
        // Names of several words end in a capitalised one ("Umm Qasr", "Isle of Man").
        if (n > 1 && (!startsUpper(text, words.start(i + n - 1))
            || hasLineBreak(text, start, end))) {
          continue;
        }
        Group group = group(text, start, end, n, groups[n - 1]);
        String surface = group.surface();
        String key = group.key();
        List<GazetteerEntry> candidates = group.candidates();
        if (candidates.isEmpty()
            || !plausible(text, start, end, group, n, article)) {
          continue;
        }
        candidates = narrow(candidates, text, start, end, key, article);
        MentionKind kind = insideOrganisation(text, words, i, i + n - 1)
            ? MentionKind.EMBEDDED : MentionKind.NAME;
        found.add(new Found(field, offsets.at(start), offsets.at(end), surface, key, kind,
            candidates, kind == MentionKind.EMBEDDED ? weight * 0.2 : weight,
            text.startsWith(", ", end)));
        i += n - 1;
        break;
      }
    }
  }

  /**
   * The hashes of the normal forms of the groups of 1 to {@code most} words from word {@code i}
   * (see {@link NameHashes}), as far as those are plain words with gaps of ASCII signs between
   * them ({@link Names#isSpace}); 0 where a group needs the general normal form, and
   * {@link #NO_NAME} for groups longer than every name that starts with the shorter group
   * where {@code cut}. Written into {@code hashes}; {@code firstHash} is word {@code i}'s own
   * ({@link Names#hashPlain} from {@link NameHashes#EMPTY}), which the caller has already.
   */
  private long[] groupHashes(String text, Words words, int i, int most, long firstHash,
      long[] hashes, boolean cut) {
    Arrays.fill(hashes, 0, most, 0);
    long hash = NameHashes.EMPTY;
    int length = 0;
    for (int n = 1; n <= most; n++) {
      int start = words.start(i + n - 1);
      int end = words.end(i + n - 1);
      if (n > 1) {
        int previousStart = words.start(i + n - 2);
        int previousEnd = words.end(i + n - 2);
        // The normal form drops an Arabic article and shortens "Saint" before another word.
        if (!Names.isSpace(text, previousEnd, start)
            || Names.isArticle(text, previousStart, previousEnd)
            || previousEnd - previousStart >= 5
            && Names.isFolded(text, previousEnd - 5, previousEnd, "saint")) {
          return hashes;
        }
        if (cut && !gazetteer.mayContinue(hash)) {
          Arrays.fill(hashes, n - 1, most, NO_NAME);
          return hashes;
        }
        hash = NameHashes.extend(hash, ' ');
        length++;
      }
      long whole = n == 1 ? firstHash : Names.hashPlain(hash, text, start, end);
      if (whole == 0) {
        return hashes;
      }
      length += end - start;
      hashes[n - 1] = keyHash(hash, whole, text, start, end, length);
      hash = whole;
    }
    return hashes;
  }

  /**
   * The hash of a normal form whose last word is text[word]: {@code whole} with every letter, or
   * without the final "h" of "-ah" ("al-Qayyarah" is "qayyara"), hashed on from {@code before}.
   */
  private static long keyHash(long before, long whole, String text, int start, int end,
      int length) {
    return length > 4 && Names.isFolded(text, end - 2, end, "ah")
        ? Names.hashPlain(before, text, start, end - 1) : whole;
  }

  private static boolean hasLineBreak(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '\n') {
        return true;
      }
    }
    return false;
  }

  /** How many words from {@code i} make a region the gazetteer has no place for, or 0. */
  private int unlistedRegion(String text, Words words, int i, long firstHash, long[] hashes) {
    int most = words.run(i, MAX_WORDS);
    groupHashes(text, words, i, most, firstHash, hashes, false);
    int start = words.start(i);
    for (int n = most; n >= 1; n--) {
      int end = words.end(i + n - 1);
      // Groups of plain words are told by their hashes, with no string made.
      if (hashes[n - 1] != 0 && !gazetteer.mayBeUnlistedRegion(hashes[n - 1])
          || hasLineBreak(text, start, end)) {
        continue;
      }
      if (gazetteer.unlistedRegion(Names.normalise(text.substring(start, end))) != null) {
        return n;
      }
    }
    return 0;
  }

  /** The country an adjective of nationality names, in the singular or the plural, or null. */
  private String countryDemonym(String surface) {
    String iso = gazetteer.demonymCountry(surface);
    return iso != null || !surface.endsWith("s") ? iso
        : gazetteer.demonymCountry(surface.substring(0, surface.length() - 1));
  }

  /** Whether a place name of two words or more starts at word {@code i}. */
  private boolean longerNameAt(String text, Words words, int i) {
    for (int n = 2; n <= words.run(i, MAX_WORDS); n++) {
      int lastStart = words.start(i + n - 1);
      int lastEnd = words.end(i + n - 1);
      if (!Character.isUpperCase(text.charAt(lastStart)) && text.charAt(lastStart) != 'a'
          && text.charAt(lastStart) != 'e' || !startsUpper(text, lastStart)) {
        continue;
      }
      String surface = text.substring(words.start(i), lastEnd);
      if (surface.indexOf('\n') < 0 && gazetteer.contains(Names.normalise(surface))) {
        return true;
      }
    }
    return false;
  }

  /** The continent or nation an adjective names, in the singular or the plural. */
  private GazetteerEntry regionDemonym(String surface) {
    GazetteerEntry region = gazetteer.regionDemonymPlace(surface);
    return region != null || !surface.endsWith("s") ? region
        : gazetteer.regionDemonymPlace(surface.substring(0, surface.length() - 1));
  }

  /**
   * The candidates the words around a name allow: "the city of Turkey" is a town, "New York
   * Gov." and "the state of New York" a division, "Cagayan province" a division or a place of
   * that very name. Where no candidate fits, none is left: the name is reported without a
   * place.
   */
  private List<GazetteerEntry> narrow(List<GazetteerEntry> candidates, String text,
      int start, int end, String key, Article article) {
    boolean afterOf = start >= 3 && text.regionMatches(true, start - 3, "of ", 0, 3);
    boolean beforeWord = end + 1 < text.length() && text.charAt(end) == ' '
        && (text.charAt(end + 1) == 'G' || text.charAt(end + 1) == 's'
            || text.charAt(end + 1) == 'p');
    if (!afterOf && !beforeWord) {
      return candidates;
    }
    int from = Math.max(0, start - 12);
    if (endsWithWords(text, from, start, TOWN_BEFORE)) {
      return candidates.stream().filter(c -> "P".equals(c.featureClass())).toList();
    }
    int to = Math.min(text.length(), end + 10);
    // "Cagayan province": the division, or else a place whose own name it is, not a town that
    // carries the name among its alternates ("Cagayan" for Mapun, a thousand kilometres off).
    if (startsWithWord(text, end, to, " province")) {
      List<GazetteerEntry> divisions = candidates.stream()
          .filter(GazetteerEntry::isAdmin1).toList();
      return !divisions.isEmpty() ? divisions : candidates.stream()
          .filter(c -> article.isOwnName(key, c)).toList();
    }
    if (endsWithWords(text, from, start, DIVISION_BEFORE)
        || text.startsWith(" Gov.", end) || startsWithWord(text, end, to, " Governor")
        || startsWithWord(text, end, to, " state")) {
      List<GazetteerEntry> divisions = candidates.stream()
          .filter(GazetteerEntry::isAdmin1).toList();
      return divisions.isEmpty() ? candidates : divisions;
    }
    return candidates;
  }

  /**
   * Whether text[from, to) ends in one of {@code phrases} (lower case, matched in any case)
   * that starts a word there.
   */
  private static boolean endsWithWords(String text, int from, int to, String[] phrases) {
    for (String phrase : phrases) {
      int at = to - phrase.length();
      if (at >= from && (at == from || !isWordChar(text.charAt(at - 1)))
          && matchesLowerCase(text, at, phrase)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesLowerCase(String text, int at, String lowerCase) {
    for (int i = 0; i < lowerCase.length(); i++) {
      if (Character.toLowerCase(text.charAt(at + i)) != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether text[from, to) starts with {@code word} followed by no letter or digit. */
  private static boolean startsWithWord(String text, int from, int to, String word) {
    int end = from + word.length();
    return end <= to && text.startsWith(word, from)
        && (end == to || !isWordChar(text.charAt(end)));
  }

  private static boolean isWordChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /** The filters against the classic false positives. */
  private boolean plausible(String text, int start, int end, Group group, int words,
      Article article) {
    Set<String> persons = article.persons;
    String surface = group.surface();
    List<GazetteerEntry> candidates = group.candidates();
    // What the name alone says, the same wherever it recurs.
    int known = group.byItself();
    if (known == NO_PLACE_NAME) {
      return false;
    }
    boolean major = known == MAJOR_NAME;
    // The 24 characters before the name and the 12 after it are its context.
    int from = Math.max(0, start - 24);
    int to = Math.min(text.length(), end + 12);
    // "US$460 million", "HK$", "NZ$": a currency, not the place.
    if (to > end && text.charAt(end) == '$') {
      return false;
    }
    // The letters and full stops right before the spaces before the name; only a capitalised
    // word or "bin" is asked more of (full stops aside: "Gen.").
    int previousEnd = start;
    while (previousEnd > from && Character.isWhitespace(text.charAt(previousEnd - 1))) {
      previousEnd--;
    }
    int previousStart = previousEnd;
    while (previousStart > from && (Character.isLetter(text.charAt(previousStart - 1))
        || text.charAt(previousStart - 1) == '.')) {
      previousStart--;
    }
    char previousInitial = previousStart < previousEnd ? text.charAt(previousStart) : ' ';
    String previousWord = Character.isUpperCase(previousInitial) || previousInitial == 'b'
        || previousInitial == '.' ? text.substring(previousStart, previousEnd) : "";
    if (PERSON_PARTICLES.contains(previousWord.replace(".", ""))) {
      return person(surface, words, candidates, persons);
    }
    if (previousEnd < start && afterOutletVerb(text, from, previousEnd)) {
      return false;
    }
    // "Hamam" in "Hamam al-Alil" and "Metcalfe" in "Metcalfe County" are parts of longer
    // names the gazetteer lacks.
    if (text.startsWith(" al-", end) || text.startsWith(" el-", end)
        || startsWithNameNoun(text, end, to)) {
      return false;
    }
    // "Wal" in "Wal-Mart": a compound's capitalised halves make a name of their own, unless
    // both are places ("Amsterdam-London").
    if (!major && to - end > 1 && text.charAt(end) == '-'
        && Character.isUpperCase(text.charAt(end + 1))) {
      String half = text.substring(end + 1, end + 1 + wordLength(text, end + 1));
      if (!gazetteer.contains(Names.normalise(half))) {
        return false;
      }
    }
    // So is a one-word second half after a word ("Balart" in "Diaz-Balart", "Saxon" in
    // "Anglo-Saxon"), unless the first half is a place or the second the own name of a city of
    // 100,000 ("Ferozpur-Ludhiana road"); "(R-Lincoln)" is a party and a home town.
    if (!major && words == 1 && start - from > 2 && text.charAt(start - 1) == '-'
        && Character.isLowerCase(text.charAt(start - 2))
        && !cityOfItsOwnName(group.key(), candidates, article)
        && !placeBefore(text, start - 1)) {
      return false;
    }
    // "Ibrahim said" is a person; "Kenya said" is its government, unless the country's name is
    // also a common first name.
    if (words > 1) {
      return true;
    }
    // "Officials in Mosul said": after "in", "at", "from" or "near" it is the place that speaks,
    // and so it is where a division of a populous country or a city speaks ("Beirut said").
    // ", who" after a name makes it a person's too ("Carmen Rubio, who grew up in Salem").
    boolean spaceAfter = to > end && Character.isWhitespace(text.charAt(end));
    if ((spaceAfter && personVerbAfter(text, end, to) || startsWithWord(text, end, to, ", who"))
        && !PLACE_PREPOSITIONS.contains(text, previousStart, previousEnd)
        && !afterPlaceOf(text, from, previousStart, previousEnd)
        && (FIRST_NAME_COUNTRIES.contains(surface)
            || noCountry(candidates) && !speaksAsPlace(candidates))) {
      return person(surface, words, candidates, persons);
    }
    // A capitalised word followed by another capitalised word that is no place is likely a
    // person's first name ("Omar Saleh"), unless the pair is a place of its own.
    boolean prominent = false;
    for (int k = 0; major && !prominent && k < candidates.size(); k++) {
      prominent = isProminent(candidates.get(k));
    }
    int next = spaceAfter && text.charAt(end) == ' ' ? capitalisedLength(text, end + 1, to) : 0;
    // So is one before a surname that is also a place, where the two speak ("David Hassan
    // said", "said David Keller"), or where it is a common given name ("Kyle Newman").
    if (next > 0 && (!prominent || FIRST_NAME_COUNTRIES.contains(surface))
        && !ORGANISATION_WORDS.contains(text, end + 1, end + 1 + next)
        && (!isNotablePlace(text.substring(end + 1, end + 1 + next), article)
            || !PLACE_PREPOSITIONS.contains(text, previousStart, previousEnd)
            && (givenNames.contains(surface)
                || speaks(text, previousStart, previousEnd, end + 1 + next)))) {
      return false;
    }
    // A lone word after a capitalised word that is no place is likely a surname ("Mohamed
    // Salah"), unless that word only qualifies the place ("Northern Iraq"); so is one after a
    // title and a first name that is also a place ("Senator Elizabeth Warren"). After a first
    // name that is a place too, it is a surname where the two speak ("named for its founder,
    // David Hudson, who"), here only: the article may be about the place named after him.
    if (!prominent && !previousWord.isEmpty() && Character.isUpperCase(previousWord.charAt(0))
        && previousEnd == start - 1 && text.charAt(previousEnd) == ' '
        && capitalisedLength(previousWord, 0, previousWord.length()) == previousWord.length()
        && !QUALIFIERS.contains(previousWord)
        && !commonWords.contains(previousWord.toLowerCase(Locale.ROOT))
        && gazetteer.demonym(previousWord).isEmpty()) {
      int beforeStart = wordStart(text, from, previousStart);
      int beforeEnd = wordEnd(text, from, previousStart);
      if (!isNotablePlace(previousWord, article)
          || FIRST_NAME_COUNTRIES.contains(previousWord)
          || PERSON_PARTICLES.contains(text, beforeStart, beforeEnd)) {
        return person(surface, words, candidates, persons);
      }
      if (speaks(text, beforeStart, beforeEnd, end)) {
        return false;
      }
    }
    // So is one after a common given name, with its initials if any ("Kyle Newman", "George
    // H. W. Bush"), however many towns have either name; here only, as in "named for John C.
    // Calhoun": the article may be about the place named after him. A name right after a word
    // for kin is a person's too ("his brother Tyler", "his wife, Julia").
    return prominent && !FIRST_NAME_COUNTRIES.contains(surface)
        || !afterGivenName(text, start) && !afterKin(text, from, start);
  }

  /** Whether a word for kin, and perhaps a comma, comes right before text[start]. */
  private static boolean afterKin(String text, int from, int start) {
    int end = start;
    while (end > from && text.charAt(end - 1) == ' ') {
      end--;
    }
    if (end == start) {
      return false;
    }
    if (end > from && text.charAt(end - 1) == ',') {
      end--;
    }
    int wordStart = end;
    while (wordStart > from && Character.isLetter(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    return wordStart < end && (wordStart == 0 || !isWordChar(text.charAt(wordStart - 1)))
        && KIN.contains(text, wordStart, end);
  }

  /**
   * Whether a common given name ends right before {@code start}, a space between them, or
   * before one or two initials there: "Kyle Newman", "Charles W. Murphy", "George H. W. Bush".
   */
  private boolean afterGivenName(String text, int start) {
    int at = start;
    for (int initials = 0; ; initials++) {
      if (at < 3 || text.charAt(at - 1) != ' ') {
        return false;
      }
      at--;
      if (initials < 2 && at >= 3 && text.charAt(at - 1) == '.'
          && Character.isUpperCase(text.charAt(at - 2)) && text.charAt(at - 3) == ' ') {
        at -= 2;
        continue;
      }
      int wordStart = at;
      while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
        wordStart--;
      }
      return at - wordStart >= 2 && (wordStart == 0 || !isWordChar(text.charAt(wordStart - 1)))
          && givenNames.contains(text.substring(wordStart, at));
    }
  }

  /**
   * Whether the capitalised words that end at {@code at}, the hyphen of a compound, end in a place
   * of the gazetteer, of up to three words ("Kuala Lumpur-Kuantan", "St. Louis-St. Charles"); true
   * where the word right before the hyphen is not capitalised: no compound of names.
   */
  private boolean placeBefore(String text, int at) {
    int end = at;
    int start = at;
    for (int n = 1; n <= 3; n++) {
      while (start > 0 && (Character.isLetter(text.charAt(start - 1))
          || text.charAt(start - 1) == '.')) {
        start--;
      }
      if (start == end || !Character.isUpperCase(text.charAt(start))) {
        return n == 1;
      }
      if (gazetteer.contains(Names.normalise(text.substring(start, at)))) {
        return true;
      }
      if (start < 2 || text.charAt(start - 1) != ' ') {
        return false;
      }
      end = --start;
    }
    return false;
  }

  /**
   * What a name says by itself: {@link #NO_PLACE_NAME} for a stopword, an organisation's word,
   * an acronym of no major place or common words only; {@link #MAJOR_NAME} where a candidate is
   * a country, division or region; {@link #PLACE_NAME} otherwise.
   */
  private int byItself(String surface, int words, List<GazetteerEntry> candidates) {
    if (stopwords.contains(surface)
        || words == 1 && ORGANISATION_WORDS.contains(surface)) {
      return NO_PLACE_NAME;
    }
    boolean abbreviation = isAbbreviation(surface);
    if (!abbreviation && allCommonWords(surface)) {
      return NO_PLACE_NAME;
    }
    boolean major = false;
    for (int k = 0; !major && k < candidates.size(); k++) {
      major = isMajor(candidates.get(k));
    }
    // Acronyms are places only when they stand for a country, division or region ("UAE",
    // "U.S."); otherwise they are codes, parties and companies that share a GeoNames code.
    if (abbreviation && !major) {
      return NO_PLACE_NAME;
    }
    return major ? MAJOR_NAME : PLACE_NAME;
  }

  /**
   * Whether text[previousStart, previousEnd), the word before a name, is "of" after a word of
   * {@link #PLACE_HOLDERS} ("residents of Altadena said").
   */
  private static boolean afterPlaceOf(String text, int from, int previousStart,
      int previousEnd) {
    return previousEnd - previousStart == 2 && text.startsWith("of", previousStart)
        && PLACE_HOLDERS.contains(text, wordStart(text, from, previousStart),
            wordEnd(text, from, previousStart));
  }

  /**
   * The end of the word before the spaces before {@code at}, not before {@code from}, without
   * its full stop ("Sen."); {@code at} where there is no space.
   */
  private static int wordEnd(String text, int from, int at) {
    int end = at;
    while (end > from && text.charAt(end - 1) == ' ') {
      end--;
    }
    if (end == at) {
      return at;
    }
    return end > from && text.charAt(end - 1) == '.' ? end - 1 : end;
  }

  /** The start of the word that {@link #wordEnd} ends. */
  private static int wordStart(String text, int from, int at) {
    int start = wordEnd(text, from, at);
    while (start > from && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  /** Whether a candidate is prominent or a city ({@link #CITY}): a name that may speak. */
  private boolean speaksAsPlace(List<GazetteerEntry> candidates) {
    for (GazetteerEntry c : candidates) {
      if (isProminent(c) || c.population() >= CITY) {
        return true;
      }
    }
    return false;
  }

  /** Whether a candidate is a city of {@link #CITY} people that goes by this name of its own. */
  private static boolean cityOfItsOwnName(String key, List<GazetteerEntry> candidates,
      Article article) {
    for (GazetteerEntry c : candidates) {
      if (c.population() >= CITY && key != null && article.isOwnName(key, c)) {
        return true;
      }
    }
    return false;
  }

  /** Notes a lone word taken for a person's name, so that it is no place anywhere else. */
  private static boolean person(String surface, int words, List<GazetteerEntry> candidates,
      Set<String> persons) {
    if (words == 1 && noCountry(candidates)) {
      persons.add(surface);
    }
    return false;
  }

  /** Whether a candidate of a name is prominent, or a city people know by that name. */
  private boolean knownBeyondPeople(Found f, Article article) {
    for (GazetteerEntry c : f.candidates()) {
      if (isProminent(c)
          || c.population() >= CITY && f.key() != null && article.isOwnName(f.key(), c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Countries, continents and the divisions of populous countries: names that stand for a
   * place even beside a person's ("Georgia Stevens" aside). A division of a small country
   * ("Paul", Cape Verde; "Mary", Turkmenistan) is not.
   */
  private boolean isProminent(GazetteerEntry entry) {
    if (entry.isAdmin1()) {
      return gazetteer.country(entry.countryCode())
          .map(c -> c.population() >= PROMINENT_COUNTRY).orElse(false);
    }
    return isMajor(entry);
  }

  /** Whether every word of a name, split at spaces and hyphens, is a common word. */
  private boolean allCommonWords(String surface) {
    int start = 0;
    for (int i = 0; i <= surface.length(); i++) {
      if (i == surface.length() || surface.charAt(i) == '-'
          || Character.isWhitespace(surface.charAt(i))) {
        if (i > start && !commonWords.contains(
            surface.substring(start, i).toLowerCase(Locale.ROOT))) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /**
   * Whether text[from, to), which ends in the word before the spaces before a name, ends in a
   * verb of telling ("told Diyaruna").
   */
  private static boolean afterOutletVerb(String text, int from, int to) {
    if (to == from || OUTLET_VERB_ENDS.indexOf(text.charAt(to - 1)) < 0) {
      return false;
    }
    for (String verb : OUTLET_VERBS) {
      int at = to - verb.length();
      if (at >= from && text.startsWith(verb, at)
          && (at == from || !Character.isLetter(text.charAt(at - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the words ending at {@code end} are said to speak: a verb of {@link #PERSON_VERBS}
   * or ", who" follows them, or "said" or "says" is the word text[beforeStart, beforeEnd)
   * before them.
   */
  private static boolean speaks(String text, int beforeStart, int beforeEnd, int end) {
    int to = Math.min(text.length(), end + 12);
    return personVerbAfter(text, end, to) || startsWithWord(text, end, to, ", who")
        || beforeEnd - beforeStart == 4 && (text.startsWith("said", beforeStart)
            || text.startsWith("says", beforeStart));
  }

  /** Whether spaces and one of {@link #PERSON_VERBS}, a whole word, start text[from, to). */
  private static boolean personVerbAfter(String text, int from, int to) {
    int at = from;
    while (at < to && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    if (at == from || at == to || PERSON_VERB_STARTS.indexOf(text.charAt(at)) < 0) {
      return false;
    }
    for (String verb : PERSON_VERBS) {
      if (startsWithWord(text, at, to, verb)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The length of the capitalised word at {@code from}, up to {@code to}: a capital and at least
   * one small letter, apostrophe or hyphen ("Saleh", "O’Neil"); 0 where there is none.
   */
  private static int capitalisedLength(String text, int from, int to) {
    if (from >= to || Character.getType(text.charAt(from)) != Character.UPPERCASE_LETTER) {
      return 0;
    }
    int end = from + 1;
    while (end < to && (Character.getType(text.charAt(end))
        == Character.LOWERCASE_LETTER || "'’-".indexOf(text.charAt(end)) >= 0)) {
      end++;
    }
    return end - from > 1 ? end - from : 0;
  }

  private static boolean noCountry(List<GazetteerEntry> candidates) {
    for (GazetteerEntry c : candidates) {
      if (c.isCountry()) {
        return false;
      }
    }
    return true;
  }

  /** Capitals only, perhaps with full stops or a plural "s": "UAE", "U.S.", "MPs". */
  private static boolean isAbbreviation(String surface) {
    int upper = 0;
    for (int i = 0; i < surface.length(); i++) {
      char c = surface.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (c == ' ' || Character.isLowerCase(c)
          && !(c == 's' && i == surface.length() - 1 && upper == i)) {
        return false;
      }
    }
    // Six capitals or more are a word in capitals ("EDMONTON —"), not an acronym.
    return upper >= 2 && upper < 6 || upper == 1 && surface.length() == 2
        && surface.endsWith("s");
  }

  /**
   * Whether a word names a place bigger than a village: with a dump of villages nearly every
   * first name is some hamlet, which must not make "Michael Steele" a place name.
   */
  private static boolean isNotablePlace(String word, Article article) {
    for (GazetteerEntry entry : article.lookup(Names.normalise(word))) {
      if (!isHamlet(entry)) {
        return true;
      }
    }
    return false;
  }

  /** The length of the run of letters at {@code from}. */
  private static int wordLength(String text, int from) {
    int end = from;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return end - from;
  }

  /** Whether text[from, to) starts with a space and a word of {@link #NAME_NOUNS}. */
  private static boolean startsWithNameNoun(String text, int from, int to) {
    // Every name noun is capitalised.
    if (to - from < 5 || text.charAt(from) != ' '
        || !Character.isUpperCase(text.charAt(from + 1))) {
      return false;
    }
    int end = from + 1;
    while (end < to && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return isNameNoun(text, from + 1, end);
  }

  /** {@link #isNameNoun(String)} of text[start, end), without a string where it is none. */
  private static boolean isNameNoun(String text, int start, int end) {
    return NAME_NOUNS.contains(text, start, end) || end - start > 1
        && Character.isUpperCase(text.charAt(start + 1))
        && isNameNoun(text.substring(start, end));
  }

  /** Whether a word is one of {@link #NAME_NOUNS}, also in capitals ("LAUREL COUNTY"). */
  private static boolean isNameNoun(String word) {
    return NAME_NOUNS.contains(word) || word.length() > 1
        && Character.isUpperCase(word.charAt(1)) && word.equals(word.toUpperCase(Locale.ROOT))
        && NAME_NOUNS.contains(word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT));
  }

  /** Countries, first-level divisions, continents and regions: names people rarely carry. */
  private static boolean isMajor(GazetteerEntry entry) {
    return entry.isCountry() || entry.isAdmin1() || "L".equals(entry.featureClass())
        || "ZN".equals(entry.featureCode()) || "TERR".equals(entry.featureCode());
  }

  /** Whether the name stands inside a longer capitalised name ending in an organisation word. */
  private static boolean insideOrganisation(String text, Words words, int from, int to) {
    int last = to;
    while (last + 1 < words.size() && words.follows(last + 1)) {
      int start = words.start(last + 1);
      int end = words.end(last + 1);
      boolean connector = isWord(text, start, end, "of") || isWord(text, start, end, "and")
          || isWord(text, start, end, "the") || isWord(text, start, end, "for");
      if (!connector && !startsUpper(text, start, end)) {
        break;
      }
      last++;
      if (isOrganisationWord(text, start, end)) {
        return true;
      }
    }
    // "Islamic State of Iraq and the Levant": back over capitalised words and connectors.
    for (int i = from - 1; i >= Math.max(0, from - 6) && words.follows(i + 1); i--) {
      int start = words.start(i);
      int end = words.end(i);
      if (isOrganisationWord(text, start, end)) {
        return true;
      }
      if (!startsUpper(text, start, end) && !isWord(text, start, end, "of")
          && !isWord(text, start, end, "the") && !isWord(text, start, end, "and")) {
        break;
      }
    }
    return false;
  }

  private static boolean isWord(String text, int start, int end, String word) {
    return end - start == word.length() && text.startsWith(word, start);
  }

  /** Whether text[start, end) is one of {@link #ORGANISATION_WORDS}, all capitalised. */
  private static boolean isOrganisationWord(String text, int start, int end) {
    return ORGANISATION_WORDS.contains(text, start, end);
  }

  /**
   * One place per name: the candidate whose country and division the article is most about
   * (other names, demonyms, the dateline), then countries and divisions over cities, then
   * population. Names the text puts where the gazetteer has no namesake go to
   * {@code elsewhere}, unresolved.
   */
  private Map<GazetteerEntry, List<Found>> resolve(Article article, String dateline,
      Map<String, List<Found>> elsewhere) {
    List<Found> found = article.found;
    VoteTable countryVotes = new VoteTable();
    // Votes of everything but villages: what may vouch for a village's country.
    VoteTable firmVotes = new VoteTable();
    article.demonyms.forEach((iso, mentions) -> {
      countryVotes.add(iso, 0.5 * mentions.size());
      firmVotes.add(iso, 0.5 * mentions.size());
    });
    // One vote per name, however often it recurs; a name does not vote for itself.
    Map<String, Shares> ownVotes = new HashMap<>();
    for (Found f : found) {
      if (ownVotes.containsKey(f.text())) {
        continue;
      }
      Voting voting = voting(f.candidates());
      ownVotes.put(f.text(), voting.own());
      voting.own().addTo(countryVotes);
      voting.firm().addTo(firmVotes);
    }
    if (dateline != null) {
      for (GazetteerEntry c : gazetteer.lookup(Names.normalise(dateline.split(",")[0]))) {
        countryVotes.add(c.countryCode(), 2.0);
        firmVotes.add(c.countryCode(), 2.0);
      }
    }
    // "London, Ky.": a town the text places in a division or country where the gazetteer has no
    // town of that name is none of its namesakes elsewhere, here or anywhere in the article.
    Set<String> unlisted = new HashSet<>();
    for (int n = 0; n < found.size(); n++) {
      Found f = found.get(n);
      List<GazetteerEntry> within = within(found, n);
      if (!within.isEmpty() && within.stream().anyMatch(c -> c.isCountry() || c.isAdmin1())
          && f.candidates().stream().noneMatch(c -> isMajor(c) || contained(c, within))) {
        unlisted.add(Names.normalise(f.text()));
      }
    }
    Map<GazetteerEntry, List<Found>> resolved = new LinkedHashMap<>();
    // A name that recurs with the same candidates and nothing around it resolves the same way.
    Map<Recurring, GazetteerEntry> decided = new HashMap<>();
    GazetteerEntry previous = null;
    for (int n = 0; n < found.size(); n++) {
      Found f = found.get(n);
      // "Bronx, New York": the name after a comma is what contains the place before it.
      GazetteerEntry inner = n > 0 && within(found, n - 1) == f.candidates() ? previous : null;
      previous = null;
      String key = unlisted.isEmpty() ? null : Names.normalise(f.text());
      if (key != null && unlisted.contains(key)) {
        elsewhere.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        continue;
      }
      // "London, Ontario": the division or country right after a name contains the place.
      List<GazetteerEntry> within = within(found, n);
      Recurring recurring = within.isEmpty() && inner == null
          ? new Recurring(f.text(), f.key(), f.candidates()) : null;
      GazetteerEntry known = recurring == null ? null : decided.get(recurring);
      if (known != null) {
        if (known != NO_PLACE) {
          resolved.get(known).add(f);
          previous = known;
        }
        continue;
      }
      GazetteerEntry best = resolve(article, f, within, inner, countryVotes, firmVotes,
          ownVotes.get(f.text()));
      if (recurring != null) {
        decided.put(recurring, best == null ? NO_PLACE : best);
      }
      if (best != null) {
        resolved.computeIfAbsent(best, k -> new ArrayList<>()).add(f);
        previous = best;
      }
    }
    return resolved;
  }

  /**
   * The place a name found stands for, given the names around it and the votes of the article,
   * or null where every candidate is too weak a guess.
   */
  private GazetteerEntry resolve(Article article, Found f, List<GazetteerEntry> within,
      GazetteerEntry inner,
      VoteTable countryVotes, VoteTable firmVotes,
      Shares own) {
    Votes others = new Votes(countryVotes, own);
    GazetteerEntry best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (GazetteerEntry c : f.candidates()) {
      double score = score(c, others) + (f.key() != null && f.candidates().size() > 1
          && article.isOwnName(f.key(), c) ? OWN_NAME : 0)
          + (contained(c, within) ? CONTAINED : 0)
          + (inner != null && contained(inner, List.of(c)) ? CONTAINED : 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (isHamlet(best) && !contained(best, within)) {
      // "Russia" is the country, not a village of that name in Ohio, unless the text says so.
      GazetteerEntry major = f.candidates().stream().filter(GazetteerTagger::isMajor)
          .max(Comparator.comparingDouble(c -> score(c, others))).orElse(null);
      if (major != null) {
        best = major;
      } else if (firmVotes.get(best.countryCode()) < 0.5) {
        // A village is a weak guess unless something else in the article points to its
        // country.
        return null;
      }
    }
    if (!isMajor(best) && best.population() < CITY && f.key() != null
        && !article.isOwnName(f.key(), best) && !contained(best, within)
        && others.of(best.countryCode()) < 1) {
      // "Salah" is what some language calls Šaľa, a Slovak town: a town known by another
      // name is a weak guess unless the rest of the article is about its country.
      return null;
    }
    return best;
  }

  /** A name as it recurs: its text, normal form and candidates (the same list, not equal ones). */
  private record Recurring(String text, String key, List<GazetteerEntry> candidates) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Recurring r && r.candidates == candidates && r.text.equals(text)
          && Objects.equals(r.key, key);
    }

    @Override
    public int hashCode() {
      return text.hashCode() * 31 + System.identityHashCode(candidates);
    }
  }

  /** The candidates of the name written right after the n-th, past a comma ("Paris, Texas"). */
  private static List<GazetteerEntry> within(List<Found> found, int n) {
    Found f = found.get(n);
    return f.commaAfter() && n + 1 < found.size() && found.get(n + 1).start() == f.end() + 2
        && found.get(n + 1).field().equals(f.field()) ? found.get(n + 1).candidates()
        : List.of();
  }

  /** Whether a place lies in one of these divisions or countries (and is not one of them). */
  private static boolean contained(GazetteerEntry place, List<GazetteerEntry> within) {
    for (GazetteerEntry outer : within) {
      if (outer != place && Objects.equals(outer.countryCode(), place.countryCode())
          && (outer.isCountry() || outer.isAdmin1()
              && Objects.equals(outer.admin1Code(), place.admin1Code()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The {@link #shares} of a list of candidates, with villages and without: found again where
   * an earlier article or field met the same list (a word group's, {@link #group}), else made
   * and kept.
   */
  private Voting voting(List<GazetteerEntry> candidates) {
    int slot = System.identityHashCode(candidates) & knownVotings.length - 1;
    Voting voting = knownVotings[slot];
    if (voting == null || voting.candidates() != candidates) {
      voting = new Voting(candidates, shares(candidates, true), shares(candidates, false));
      knownVotings[slot] = voting;
    }
    return voting;
  }

  /** The shares of a list of candidates (the same list, not an equal one). */
  private record Voting(List<GazetteerEntry> candidates, Shares own, Shares firm) {
  }

  /**
   * A name's vote, shared among the countries of its candidates. A continent or sea takes its
   * share without giving it to a country: "Asia" is no vote for the Philippine town. Villages
   * vote only with {@code hamlets}.
   */
  private Shares shares(List<GazetteerEntry> candidates, boolean hamlets) {
    Shares shares = new Shares();
    int countries = 0;
    int divisions = 0;
    boolean countryless = false;
    for (GazetteerEntry c : candidates) {
      if (!hamlets && isHamlet(c)) {
        continue;
      }
      if (c.countryCode() == null) {
        countryless = true;
        continue;
      }
      countries += shares.add(c.countryCode(), 0) ? 1 : 0;
      // The same vote for first-level divisions, under "CC.code" keys.
      if (c.admin1Code() != null && !c.isCountry()) {
        divisions += shares.add(divisionKey(c), 1) ? 1 : 0;
      }
    }
    double countryShare = 1.0 / (countries + (countryless ? 1 : 0));
    double divisionShare = 1.0 / (divisions + (countryless ? 1 : 0));
    for (int k = 0; k < shares.size; k++) {
      shares.values[k] = shares.values[k] == 0 ? countryShare : divisionShare;
    }
    return shares;
  }

  /**
   * A name's shares of its vote by country and division key: a few of each, searched in a row.
   * Each key's share is the same whatever the order they are kept in.
   */
  private static final class Shares {
    private String[] keys = new String[4];
    private double[] values = new double[4];
    private int size;

    /** Adds a key not there yet, marked with {@code value}; whether it was new. */
    boolean add(String key, double value) {
      for (int k = 0; k < size; k++) {
        if (keys[k].equals(key)) {
          return false;
        }
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size++] = value;
      return true;
    }

    /** The share of a key, 0 where it has none. */
    double get(String key) {
      for (int k = 0; k < size; k++) {
        if (keys[k].equals(key)) {
          return values[k];
        }
      }
      return 0;
    }

    void addTo(VoteTable votes) {
      for (int k = 0; k < size; k++) {
        votes.add(keys[k], values[k]);
      }
    }
  }


  /**
   * The key of a place's first-level division among the votes, "CC.code": one string per
   * division, made once, so that the votes hash and compare it cheaply.
   */
  private String divisionKey(GazetteerEntry entry) {
    String country = String.valueOf(entry.countryCode());
    return divisionKeys.computeIfAbsent(country, c -> new ConcurrentHashMap<>())
        .computeIfAbsent(entry.admin1Code(), code -> country + "." + code);
  }

  /** A populated place too small for the built-in gazetteer (only dumps hold them). */
  private static boolean isHamlet(GazetteerEntry entry) {
    return "P".equals(entry.featureClass()) && entry.population() < 15_000
        && !"PPLC".equals(entry.featureCode());
  }

  /** The votes of the other names of the article: all of them less a name's own. */
  private record Votes(VoteTable all, Shares own) {
    double of(String key) {
      return all.get(key) - own.get(key);
    }
  }

  /**
   * The votes of an article by country and division key (null for places of no country), each
   * a sum in the order the votes were added. Open addressing over interned keys: no boxing.
   */
  private static final class VoteTable {
    private String[] keys = new String[64];
    private double[] values = new double[64];
    private int size;
    private double noCountry;

    void add(String key, double vote) {
      if (key == null) {
        noCountry += vote;
        return;
      }
      int slot = slot(key);
      if (keys[slot] != null) {
        values[slot] += vote;
        return;
      }
      keys[slot] = key;
      values[slot] = vote;
      if (++size * 2 > keys.length) {
        grow();
      }
    }

    /** The sum of the votes for a key, 0 where it has none. */
    double get(String key) {
      if (key == null) {
        return noCountry;
      }
      int slot = slot(key);
      return keys[slot] == null ? 0 : values[slot];
    }

    private int slot(String key) {
      int mask = keys.length - 1;
      int hash = key.hashCode() * 0x9e3779b9;
      int slot = (hash ^ hash >>> 16) & mask;
      while (keys[slot] != null && !keys[slot].equals(key)) {
        slot = slot + 1 & mask;
      }
      return slot;
    }

    private void grow() {
      String[] oldKeys = keys;
      double[] oldValues = values;
      keys = new String[oldKeys.length * 2];
      values = new double[oldKeys.length * 2];
      for (int k = 0; k < oldKeys.length; k++) {
        if (oldKeys[k] != null) {
          int slot = slot(oldKeys[k]);
          keys[slot] = oldKeys[k];
          values[slot] = oldValues[k];
        }
      }
    }
  }

  private double score(GazetteerEntry candidate, Votes votes) {
    // A division outweighs a town of its name up to a million people ("Quebec", "Delaware").
    double feature = candidate.isCountry() ? 6 : candidate.isAdmin1() ? 6
        : "CONT".equals(candidate.featureCode()) || "ZN".equals(candidate.featureCode()) ? 12
        : "PPLC".equals(candidate.featureCode()) ? PPLC : 0;
    return feature + Math.log10(candidate.population() + 1)
        + VOTE * Math.min(votes.of(candidate.countryCode()), MAX_COUNTRY_VOTES)
        + (candidate.admin1Code() == null || candidate.isCountry() ? 0
            : DIVISION_VOTE * votes.of(divisionKey(candidate)));
  }

  private static int specificity(GazetteerEntry entry) {
    return entry.isCountry() || "CONT".equals(entry.featureCode()) ? 0
        : entry.isAdmin1() ? 1 : 2;
  }

  private static Place place(GazetteerEntry entry, List<Found> found, boolean focus) {
    List<Mention> mentions = new ArrayList<>(found.size());
    boolean onlyEmbedded = true;
    for (Found f : found) {
      mentions.add(mention(f));
      onlyEmbedded &= f.kind() == MentionKind.EMBEDDED;
    }
    double confidence = onlyEmbedded ? 0.5
        : Math.min(0.99, 0.7 + 0.05 * found.size() + (found.get(0).candidates().size() == 1
            ? 0.15 : 0));
    // The constructors, not the builders: every field is set, and there is one per place.
    return new Place(entry.geonameId(), entry.name(), entry.countryCode(), entry.admin1Code(),
        entry.admin1Name(), entry.featureClass(), entry.featureCode(),
        Double.isNaN(entry.latitude()) ? null : entry.latitude(),
        Double.isNaN(entry.longitude()) ? null : entry.longitude(),
        entry.population() > 0 ? entry.population() : null, mentions,
        Math.round(confidence * 100) / 100.0, focus ? PlaceRole.FOCUS : PlaceRole.MENTIONED);
  }

  /** A name the text calls a place, with no place of the gazetteer for it. */
  private static Place unresolved(String name, List<Mention> mentions) {
    return new Place(null, name, null, null, null, null, null, null, null, null, mentions, 0.5,
        PlaceRole.MENTIONED);
  }

  /**
   * Names the text itself calls a place that the gazetteer lacks: up to five capitalised words
   * (or {@code al-}/{@code el-} ones) right before a place noun ("Hamam al-Alil district"), or
   * ending in one that is part of the name ("Metcalfe County", "Hutcheson Road").
   */
  private void addUnresolved(String body, Words words, List<Place> places) {
    CodePoints offsets = new CodePoints(body, words.hasSurrogates());
    Set<String> known = null;
    Map<String, List<Mention>> unresolved = new LinkedHashMap<>();
    for (int k = 1; k < words.size(); k++) {
      // Name nouns are capitalised, place nouns are not: either way the first letter is one
      // of theirs, and the length one of theirs.
      char initial = body.charAt(words.start(k));
      int length = words.end(k) - words.start(k);
      if (!NAME_NOUNS.isInitial(initial) & !PLACE_NOUNS.isInitial(initial)
          | length < 4 | length > 13) {
        continue;
      }
      // Only a word after a capitalised one may end a name ("Hamam al-Alil district").
      char previous = body.charAt(words.start(k - 1));
      if (!Character.isUpperCase(previous) && previous != 'a' && previous != 'e') {
        continue;
      }
      if (words.end(k - 1) + 1 != words.start(k) || body.charAt(words.end(k - 1)) != ' ') {
        continue;
      }
      boolean partOfName = isNameNoun(body, words.start(k), words.end(k));
      if (!partOfName && !PLACE_NOUNS.contains(body, words.start(k), words.end(k))) {
        continue;
      }
      int first = k;
      while (first > 0 && k - first < 5 && body.charAt(words.end(first - 1)) == ' '
          && words.end(first - 1) + 1 == words.start(first)
          && startsUpper(body, words.start(first - 1), words.end(first - 1))) {
        first--;
      }
      while (first < k && commonWords.contains(body.substring(words.start(first),
          words.end(first)).toLowerCase(Locale.ROOT))) {
        first++;
      }
      if (first == k) {
        continue;
      }
      int start = words.start(first);
      int end = words.end(partOfName ? k : k - 1);
      String name = body.substring(start, end);
      String key = Names.normalise(name);
      if (known == null) {
        known = new HashSet<>();
        for (Place place : places) {
          for (Mention m : place.getMentions()) {
            known.add(Names.normalise(m.getText()));
          }
        }
      }
      if (gazetteer.contains(key) || known.contains(key) || stopwords.contains(name)) {
        continue;
      }
      unresolved.computeIfAbsent(name, n -> new ArrayList<>()).add(mention("body", offsets, body,
          start, end, MentionKind.NAME));
    }
    unresolved.forEach((name, mentions) -> places.add(unresolved(name, mentions)));
  }

  private static Mention mention(Found f) {
    // The constructor, not the builder: every field is set, and there is one per name found.
    return new Mention(f.field(), f.start(), f.end(), f.text(), f.kind());
  }

  private static Mention mention(String field, CodePoints offsets, String text, int start,
      int end, MentionKind kind) {
    return new Mention(field, offsets.at(start), offsets.at(end), text.substring(start, end),
        kind);
  }

  /** Code-point offsets of char indexes, counted forward from the last one asked for. */
  private static final class CodePoints {
    private final String text;
    private final boolean surrogates;
    private int charIndex;
    private int codePoints;

    /** {@code surrogates}: whether the text holds any; where it holds none, they are alike. */
    CodePoints(String text, boolean surrogates) {
      this.text = text;
      this.surrogates = surrogates;
    }

    int at(int index) {
      if (!surrogates) {
        return index;
      }
      if (index < charIndex) {
        charIndex = 0;
        codePoints = 0;
      }
      codePoints += text.codePointCount(charIndex, index);
      charIndex = index;
      return codePoints;
    }
  }

  /** {@link #startsUpper(String)} of the word at {@code start}, with no string made. */
  private static boolean startsUpper(String text, int start) {
    char c = text.charAt(start);
    if (c < 0x80 && c != 'a' && c != 'e') {
      return c >= 'A' && c <= 'Z';
    }
    if (text.startsWith("al-", start) || text.startsWith("el-", start)) {
      return start + 3 < text.length() && Character.isUpperCase(text.codePointAt(start + 3));
    }
    return Character.isUpperCase(text.codePointAt(start));
  }

  /** {@link #startsUpper(String)} of text[start, end). */
  private static boolean startsUpper(String text, int start, int end) {
    char c = text.charAt(start);
    if (c < 0x80 && c != 'a' && c != 'e') {
      return c >= 'A' && c <= 'Z';
    }
    if (text.startsWith("al-", start) || text.startsWith("el-", start)) {
      return end - start > 3 && Character.isUpperCase(text.codePointAt(start + 3));
    }
    return Character.isUpperCase(text.codePointAt(start));
  }

  private static boolean startsUpper(String word) {
    if (word.startsWith("al-") || word.startsWith("el-")) {
      return word.length() > 3 && Character.isUpperCase(word.codePointAt(3));
    }
    return Character.isUpperCase(word.codePointAt(0));
  }

  /** The entries of a word list: lines, or words when {@code separator} splits lines. */
  private static Set<String> readWords(String resource, String separator) {
    Set<String> words = new HashSet<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(GazetteerTagger.class.getResourceAsStream(resource)),
        StandardCharsets.UTF_8))) {
      reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
          .flatMap(l -> Arrays.stream(l.trim().split(separator))).forEach(words::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}

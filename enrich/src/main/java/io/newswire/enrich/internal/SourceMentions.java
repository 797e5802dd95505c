package io.newswire.enrich.internal;

import io.newswire.avro.NamedEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People and organisations an article names as its sources or actors, found by the patterns news
 * prose uses for attribution: "said Abu Omar, a commander with the Mosul Liberation Cells",
 * "Karim Jaber, a director at ... , said", "council member Ali Khudhair told ...". A later
 * surname alone ("Hikmat said") counts for the full name met before.
 */
final class SourceMentions {
  /** A capitalised name of two to four words, Arabic particles allowed inside. */
  private static final String NAME = "((?:Abu |Umm |Ibn )?\\p{Lu}[\\p{L}'’-]+"
      + "(?: (?:al-|el-|bin |bint |abu |Abu |de |van |von )?\\p{Lu}[\\p{L}'’-]+){1,3})";
  private static final String VERB = "(?:said|says|told|added|explained|warned|stated)";
  private static final Pattern NAME_THEN_VERB = Pattern.compile(NAME + "(?:,[^,.\"”]{3,80},)?"
      + " " + VERB + "\\b");
  private static final Pattern VERB_THEN_NAME = Pattern.compile("\\b" + VERB
      + " (?:[\\p{Ll}\\p{Lu}][\\p{Ll}-]* ){0,6}?" + NAME + "(?:, (?:an? |the )([^.\"”]{3,120}?))?"
      + "(?=[.,\"”;]|$| who| using)");
  private static final Pattern SURNAME_THEN_VERB = Pattern.compile(
      "\\b(\\p{Lu}[\\p{L}'’-]+) " + VERB + "\\b");
  /** Organisation names end in (or are made of) words that say what kind of body they are. */
  private static final Pattern ORGANISATION = Pattern.compile(
      "((?:(?:al-|Al-)?\\p{Lu}[\\p{L}'’-]*|of|the|for|and) ){0,6}?"
          + "(?:Cells|Brigades?|Council|Ministry|Forces|Army|Unit|Company|Authority|Agency"
          + "|Centre|Center|Committee|Police|Party|Movement|Front|Coalition|Organi[sz]ation"
          + "|Association|Union|Bank|University|Institute|Commission|Office|Department"
          + "|Corporation|Group|Fund|Court)"
          + "(?: (?:of|for) (?:the )?\\p{Lu}[\\p{L}'’-]*(?: (?:and the |and |of )?\\p{Lu}"
          + "[\\p{L}'’-]*){0,3})?");
  private static final Set<String> NOT_NAMES = Set.of("He", "She", "They", "It", "We", "I",
      "The", "This", "That", "Officials", "Residents", "Sources", "Police", "Witnesses");
  private static final Set<String> LEADING_WORDS = Set.of("The", "A", "An", "Of", "In", "On",
      "At", "As", "And", "But", "For", "With", "From");

  /** People and organisations, each with how often it is named. */
  record Found(List<NamedEntity> people, List<NamedEntity> organisations) {
  }

  private SourceMentions() {
  }

  static Found find(String text) {
    Map<String, Integer> people = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    List<int[]> counted = new ArrayList<>();
    for (Pattern pattern : List.of(VERB_THEN_NAME, NAME_THEN_VERB)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        String name = cleanName(m.group(1));
        if (name == null || overlaps(counted, m.start(1), m.end(1))) {
          continue;
        }
        counted.add(new int[] {m.start(1), m.end(1)});
        people.merge(name, 1, Integer::sum);
        if (pattern == VERB_THEN_NAME && m.group(2) != null) {
          descriptions.putIfAbsent(name, m.group(2).trim());
        }
      }
    }
    Matcher surname = SURNAME_THEN_VERB.matcher(text);
    while (surname.find()) {
      if (overlaps(counted, surname.start(1), surname.end(1))) {
        continue;
      }
      for (String full : people.keySet()) {
        if (full.endsWith(" " + surname.group(1))) {
          people.merge(full, 1, Integer::sum);
          break;
        }
      }
    }
    Map<String, Integer> organisations = new LinkedHashMap<>();
    Matcher org = ORGANISATION.matcher(text);
    while (org.find()) {
      String name = trimLeading(org.group().trim());
      if (name.split(" ").length >= 2 && Character.isUpperCase(name.codePointAt(0))
          || name.startsWith("al-")) {
        organisations.merge(name, 1, Integer::sum);
      }
    }
    return new Found(entities(people, descriptions), entities(organisations, Map.of()));
  }

  private static boolean overlaps(List<int[]> spans, int start, int end) {
    for (int[] span : spans) {
      if (start < span[1] && end > span[0]) {
        return true;
      }
    }
    return false;
  }

  private static String cleanName(String raw) {
    String name = trimLeading(raw.trim());
    String first = name.split(" ")[0];
    if (NOT_NAMES.contains(first) || name.split(" ").length < 2) {
      return null;
    }
    return name;
  }

  private static String trimLeading(String name) {
    String result = name;
    while (true) {
      int space = result.indexOf(' ');
      String first = result.substring(0, Math.max(0, space));
      if (space < 0 || LEADING_WORDS.stream().noneMatch(first::equalsIgnoreCase)) {
        return result;
      }
      result = result.substring(space + 1);
    }
  }

  private static List<NamedEntity> entities(Map<String, Integer> counts,
      Map<String, String> descriptions) {
    List<NamedEntity> entities = new ArrayList<>();
    counts.forEach((name, count) -> entities.add(NamedEntity.newBuilder().setName(name)
        .setMentionCount(count).setDescription(descriptions.get(name)).build()));
    return entities;
  }
}

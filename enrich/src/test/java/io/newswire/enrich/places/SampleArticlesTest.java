package io.newswire.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.avro.Place;
import io.newswire.enrich.PlaceTagger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' articles: deterministic, of the size asked for, and naming places about as
 * densely as the eval corpora's news (see {@link SampleArticles}), so that what the benchmarks
 * measure per article is what news costs.
 */
class SampleArticlesTest {
  private static Gazetteer gazetteer;

  @BeforeAll
  static void gazetteer() {
    gazetteer = Gazetteer.builtIn();
  }

  @Test
  void shouldGiveTheSameArticlesForTheSameSeed() {
    SampleArticles one = new SampleArticles(gazetteer, 3);
    SampleArticles other = new SampleArticles(gazetteer, 3);
    SampleArticles third = new SampleArticles(gazetteer, 4);
    String first = one.next(5_000);
    assertThat(other.next(5_000)).isEqualTo(first);
    assertThat(third.next(5_000)).isNotEqualTo(first);
  }

  @Test
  void shouldWriteArticlesOfAboutTheSizeAskedFor() {
    SampleArticles sample = new SampleArticles(gazetteer, 5);
    for (int size : new int[] {1_000, 5_000, 20_000}) {
      int bytes = sample.next(size).getBytes(StandardCharsets.UTF_8).length;
      assertThat(bytes).isBetween(size, size + 600);
    }
  }

  @Test
  void shouldNamePlacesAsDenselyAsNews() {
    SampleArticles sample = new SampleArticles(gazetteer, 7);
    GazetteerTagger tagger = new GazetteerTagger(gazetteer);
    int articles = 200;
    long characters = 0;
    long mentions = 0;
    long places = 0;
    long countries = 0;
    Map<Long, Integer> articlesPerPlace = new HashMap<>();
    for (int i = 0; i < articles; i++) {
      String text = sample.next(5_000);
      characters += text.length();
      PlaceTagger.PlaceTags tags = tagger.tag(
          new PlaceTagger.ArticleText(null, null, List.of(), List.of(), text));
      for (Place place : tags.places()) {
        places++;
        mentions += place.getMentions().size();
        if (place.getFeatureCode() != null && place.getFeatureCode().startsWith("PCL")) {
          countries++;
        }
        if (place.getGeonameId() != null) {
          articlesPerPlace.merge(place.getGeonameId(), 1, Integer::sum);
        }
      }
    }
    // The corpora's articles of 4.5-6 KB: a mention every 190 characters, 26 mentions of 11
    // distinct names, of which the tagger finds about four in five; a few countries among them.
    assertThat(characters / mentions).isBetween(140L, 260L);
    assertThat(places / (double) articles).isBetween(6.0, 11.0);
    assertThat(countries / (double) places).isLessThan(0.5);
    // Common places recur from article to article, as news has them.
    List<Integer> counts = new ArrayList<>(articlesPerPlace.values());
    counts.sort(null);
    assertThat(counts.get(counts.size() - 1)).isGreaterThan(articles / 4);
  }
}

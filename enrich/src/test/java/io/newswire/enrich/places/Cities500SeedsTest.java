package io.newswire.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswire.avro.Place;
import io.newswire.enrich.PlaceTagger;
import io.newswire.schemas.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed articles tagged with the GeoNames cities500 dump in {@code ../shared/gazetteer}, when
 * present: the dump adds Al Qayyarah, a town of fewer than 15,000 people, without letting the
 * villages it also holds ("Abu", "Hamam", "Strong") into an article about Iraq.
 */
class Cities500SeedsTest {
  private static GazetteerTagger tagger;

  @BeforeAll
  static void loadDump() {
    Path dump = Fixtures.sharedDir().map(d -> d.resolve("gazetteer/cities500.txt.gz"))
        .orElse(null);
    assumeTrue(dump != null && Files.isRegularFile(dump),
        "the GeoNames dump ../shared/gazetteer/cities500.txt.gz is not beside this checkout");
    tagger = new GazetteerTagger(Gazetteer.load(dump.toString()));
  }

  private static List<Place> places(Path seed) throws Exception {
    return tagger.tag(new PlaceTagger.ArticleText(null, null, List.of(), List.of(),
        Files.readString(seed))).places();
  }

  @Test
  void shouldResolveAlQayyarahInBothSpellingsAndKeepTheRest() throws Exception {
    List<Path> seeds = Fixtures.seeds();
    List<Place> first = places(seeds.get(0));
    List<Place> second = places(seeds.get(1));

    for (List<Place> places : List.of(first, second)) {
      assertThat(places).extracting(Place::getGeonameId)
          .contains(99072L, 99237L, 92877L, 99003L);
      assertThat(places).flatExtracting(Place::getMentions).extracting(m -> m.getText())
          .doesNotContain("Abu", "Abu Omar", "Omar", "Ibrahim", "Diyaruna", "Hamam", "Strong");
      assertThat(places).filteredOn(p -> p.getGeonameId() != null)
          .extracting(Place::getCountryCode).containsOnly("IQ");
    }
    assertThat(first).filteredOn(p -> Long.valueOf(99003L).equals(p.getGeonameId()))
        .flatExtracting(Place::getMentions).extracting(m -> m.getText())
        .containsOnly("al-Qayyarah");
    assertThat(second).filteredOn(p -> Long.valueOf(99003L).equals(p.getGeonameId()))
        .flatExtracting(Place::getMentions).extracting(m -> m.getText())
        .containsOnly("al-Qayyara");
    assertThat(second).filteredOn(p -> p.getGeonameId() == null).extracting(Place::getName)
        .contains("Hamam al-Alil");
    assertThat(first).filteredOn(p -> p.getRole().toString().equals("FOCUS"))
        .extracting(Place::getGeonameId).containsExactly(99072L);
  }
}

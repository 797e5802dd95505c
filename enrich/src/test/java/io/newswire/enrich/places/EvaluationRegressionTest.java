package io.newswire.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswire.schemas.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the tagger on the public corpora in {@code ../shared/eval}, when present, with the
 * built-in gazetteer and with the cities500 dump of {@code ../shared/gazetteer}, and fails when
 * exact-span F1 or accuracy within 161 km falls more than 0.02 below the last measured figures
 * (README, "Place tagging"). Raise the floors when the figures improve.
 */
class EvaluationRegressionTest {
  private static final double MARGIN = 0.02;
  private static Gazetteer gazetteer;
  private static GazetteerTagger tagger;

  @BeforeAll
  static void buildOnce() {
    gazetteer = Gazetteer.builtIn();
    tagger = new GazetteerTagger(gazetteer);
  }

  private static Path corpus(String file) {
    Path path = Fixtures.sharedDir().map(d -> d.resolve("eval").resolve(file)).orElse(null);
    assumeTrue(path != null && Files.isRegularFile(path),
        "the evaluation corpus ../shared/eval/" + file + " is not beside this checkout");
    return path;
  }

  @Test
  void shouldKeepGeoWebNewsScores() throws Exception {
    Evaluation.Scores all = Evaluation.score(tagger, gazetteer,
        corpus("geowebnews/geowebnews.jsonl"), Set.of());
    Evaluation.Scores literal = Evaluation.score(tagger, gazetteer,
        corpus("geowebnews/geowebnews.jsonl"),
        Set.of("Literal", "Mixed", "Embedded_Literal", "Literal_Modifier"));

    assertThat(all.exactF1()).isGreaterThanOrEqualTo(0.836 - MARGIN);
    assertThat(all.accuracy161()).isGreaterThanOrEqualTo(0.941 - MARGIN);
    assertThat(literal.exactRecall()).isGreaterThanOrEqualTo(0.777 - MARGIN);
    assertThat(literal.accuracy161()).isGreaterThanOrEqualTo(0.925 - MARGIN);
  }

  @Test
  void shouldKeepTrNewsScores() throws Exception {
    Evaluation.Scores scores = Evaluation.score(tagger, gazetteer,
        corpus("tr-news/tr-news.jsonl"), Set.of());

    assertThat(scores.exactF1()).isGreaterThanOrEqualTo(0.882 - MARGIN);
    assertThat(scores.accuracy161()).isGreaterThanOrEqualTo(0.910 - MARGIN);
  }

  @Test
  void shouldKeepScoresWithTheCities500Dump() throws Exception {
    Path dump = Fixtures.sharedDir().map(d -> d.resolve("gazetteer/cities500.txt.gz"))
        .orElse(null);
    assumeTrue(dump != null && Files.isRegularFile(dump),
        "the GeoNames dump ../shared/gazetteer/cities500.txt.gz is not beside this checkout");
    Gazetteer cities500 = Gazetteer.load(dump.toString());
    GazetteerTagger withDump = new GazetteerTagger(cities500);

    Evaluation.Scores geoWebNews = Evaluation.score(withDump, cities500,
        corpus("geowebnews/geowebnews.jsonl"), Set.of());
    Evaluation.Scores trNews = Evaluation.score(withDump, cities500,
        corpus("tr-news/tr-news.jsonl"), Set.of());

    assertThat(geoWebNews.exactF1()).isGreaterThanOrEqualTo(0.825 - MARGIN);
    assertThat(geoWebNews.accuracy161()).isGreaterThanOrEqualTo(0.930 - MARGIN);
    assertThat(trNews.exactF1()).isGreaterThanOrEqualTo(0.873 - MARGIN);
    assertThat(trNews.accuracy161()).isGreaterThanOrEqualTo(0.912 - MARGIN);
  }
}

package io.newswire.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newswire.avro.Mention;
import io.newswire.avro.MentionKind;
import io.newswire.avro.Place;
import io.newswire.avro.PlaceRole;
import io.newswire.enrich.PlaceTagger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
  private static Gazetteer gazetteer;

  @BeforeAll
  static void load() {
    gazetteer = Gazetteer.builtIn();
  }

  /** Always answers the same two places, so the scores can be worked out by hand. */
  private static final PlaceTagger FIXED = new PlaceTagger() {
    @Override
    public PlaceTags tag(ArticleText text) {
      return new PlaceTags(List.of(place("Mosul", 0, 5, 36.335, 43.119),
          place("Erbil", 10, 16, 36.19, 44.01)), null, null, List.of());
    }

    @Override
    public String gazetteerId() {
      return "fixed";
    }
  };

  private static Place place(String name, int start, int end, double lat, double lon) {
    return Place.newBuilder().setName(name).setLatitude(lat).setLongitude(lon).setConfidence(1)
        .setRole(PlaceRole.MENTIONED).setMentions(List.of(Mention.newBuilder().setStart(start)
            .setEnd(end).setText(name).setKind(MentionKind.NAME).build())).build();
  }

  @Test
  void shouldScoreExactAndOverlappingSpansAndDistances(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus.jsonl");
    // Gold: Mosul exactly (same point), "Erbil" shifted by one character (overlap only, 100 km
    // off), and a third toponym nobody predicted.
    Files.writeString(corpus, "{\"id\":\"1\",\"text\":\"Mosul and Erbil and Dohuk\","
        + "\"toponyms\":["
        + "{\"start\":0,\"end\":5,\"name\":\"Mosul\",\"lat\":36.335,\"lon\":43.119},"
        + "{\"start\":11,\"end\":16,\"name\":\"rbil\",\"lat\":36.19,\"lon\":45.128},"
        + "{\"start\":20,\"end\":25,\"name\":\"Dohuk\",\"lat\":36.86,\"lon\":42.99,"
        + "\"type\":\"Literal\"}]}\n");

    Evaluation.Scores all = Evaluation.score(FIXED, gazetteer, corpus, Set.of());
    Evaluation.Scores literal = Evaluation.score(FIXED, gazetteer, corpus, Set.of("Literal"));

    assertThat(all.gold()).isEqualTo(3);
    assertThat(all.predicted()).isEqualTo(2);
    assertThat(all.exactPrecision()).isEqualTo(0.5);
    assertThat(all.exactRecall()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(all.overlapPrecision()).isEqualTo(1.0);
    assertThat(all.overlapRecall()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(all.overlapF1()).isCloseTo(0.8, within(1e-9));
    assertThat(all.pairsWithPoints()).isEqualTo(2);
    assertThat(all.accuracy161()).isEqualTo(1.0);
    assertThat(all.medianKm()).isCloseTo(100, within(1.0));
    assertThat(literal.gold()).isEqualTo(1);
    assertThat(literal.exactRecall()).isZero();
  }

  @Test
  void shouldMeasureGreatCircleDistance() {
    assertThat(Evaluation.distanceKm(36.335, 43.119, 33.341, 44.401)).isCloseTo(351, within(3.0));
  }
}

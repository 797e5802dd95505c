package io.newswire.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameHashesTest {
  @Test
  void shouldHoldEveryNameAndFewOthers() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      names.add("name " + i);
    }
    NameHashes hashes = new NameHashes(names);
    for (String name : names) {
      assertThat(hashes.contains(NameHashes.of(name))).as(name).isTrue();
    }
    Random random = new Random(7);
    int falsePositives = 0;
    for (int i = 0; i < 100_000; i++) {
      falsePositives += hashes.contains(random.nextLong()) ? 1 : 0;
    }
    assertThat(falsePositives).isLessThan(1_000);
  }

  @Test
  void shouldHoldNothingWhenEmpty() {
    assertThat(new NameHashes(List.of()).contains(NameHashes.of("mosul"))).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Mosul|mosul", "MOSUL|mosul", "Basra|basra", "Utah|utah",
      "B52|b52", "Giá|gia", "İzmir|izmir", "Ñuñoa|nunoa", "Łódź|łodz", "Øre|øre"})
  void shouldHashPlainWordsAsTheirNormalForm(String word, String normal) {
    String text = "in " + word + " today";
    long hash = Names.hashPlain(NameHashes.EMPTY, text, 3, 3 + word.length());
    assertThat(Names.normalise(word)).isEqualTo(normal);
    assertThat(hash).isEqualTo(NameHashes.of(normal));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Mosul", "Giá Rai", "Umm Qasr", "Qayyarah", "QAYYĀRAH",
      "New South Wales", "Łódź", "Utah", "Kiambu, Kenya", "Amsterdam-London",
      "Vietnam. [Photo: Sara", "Giá Rai, Vietnam. \"We"})
  void shouldMakeThePlainKeyOfTheGeneralPass(String name) {
    String text = "in " + name + " today";
    assertThat(Names.plainKey(text, 3, 3 + name.length())).isEqualTo(Names.normalise(name));
  }

  @Test
  void shouldTellTheGapsTheNormalFormMakesOneSpaceOf() {
    for (String gap : new String[] {" ", ", ", ". [", "-", "\n", ". \""}) {
      String text = "Kiambu" + gap + "Kenya";
      assertThat(Names.isSpace(text, 6, 6 + gap.length())).as("[%s]", gap).isTrue();
      assertThat(Names.normalise(text)).isEqualTo("kiambu kenya");
    }
    // No separator, a letter, or a sign beyond ASCII: the general pass decides.
    for (String gap : new String[] {"", ",", "'s ", " \u2013 ", "\u00a0"}) {
      assertThat(Names.isSpace("Kiambu" + gap + "Kenya", 6, 6 + gap.length())).as("[%s]", gap)
          .isFalse();
    }
  }

  @Test
  void shouldFoldEveryCharacterAsTheGeneralPassDoes() {
    for (char c = 0x80; c < 0x250; c++) {
      char folded = Names.fold(c);
      if (folded != 0) {
        assertThat(Names.normalise("x" + c + "x")).as("U+%04X", (int) c)
            .isEqualTo("x" + folded + "x");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"O'Hare", "U.S.", "al-Qayyara", "Ελλάδα", "Sa\u0303o"})
  void shouldLeaveOtherWordsToTheGeneralPass(String word) {
    assertThat(Names.hashPlain(NameHashes.EMPTY, word, 0, word.length())).isZero();
  }

  @ParameterizedTest
  @CsvSource({"al,true", "El,true", "AZ,true", "at,true", "Él,true", "le,false", "St,false",
      "a,false", "all,false"})
  void shouldKnowTheArabicArticlesInAnyCase(String word, boolean article) {
    assertThat(Names.isArticle(word, 0, word.length())).isEqualTo(article);
  }

  @Test
  void shouldLetEveryUnlistedRegionThrough() throws IOException {
    Gazetteer gazetteer = Gazetteer.builtIn();
    try (InputStream in = Gazetteer.class.getResourceAsStream("/places/regions-unlisted.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String key = Names.normalise(line.split("\t")[0]);
        assertThat(gazetteer.unlistedRegion(key)).as(key).isNotNull();
        assertThat(gazetteer.mayBeUnlistedRegion(NameHashes.of(key))).as(key).isTrue();
      }
    }
  }

  @Test
  void shouldLetEveryPlaceNameOfTheBuiltInGazetteerThrough() {
    Gazetteer gazetteer = Gazetteer.builtIn();
    for (GazetteerEntry entry : gazetteer.places()) {
      String key = Names.normalise(entry.name());
      if (key.isEmpty() || !gazetteer.contains(key)) {
        continue;
      }
      assertThat(gazetteer.mayBeName(NameHashes.of(key))).as(key).isTrue();
      assertThat(gazetteer.mayStart(NameHashes.of(key.split(" ")[0]))).as(key).isTrue();
      for (int space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) {
        assertThat(gazetteer.mayContinue(NameHashes.of(key.substring(0, space)))).as(key)
            .isTrue();
      }
    }
  }
}

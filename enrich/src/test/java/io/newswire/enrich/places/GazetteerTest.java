package io.newswire.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {
  /** GeoNames rows in the 19-column dump format (a village of 0 people, and Mosul again). */
  private static final String DUMP = String.join("\n",
      row(99003, "Al Qayyārah", "Al Qayyarah", "Al-Qaiyara,Qaiyara,القيارة", 35.8, 43.28, "P",
          "PPLA3", "IQ", "15", 0, "2023-03-05"),
      row(99072, "Mosul", "Mosul", "Al Mawsil", 36.335, 43.11889, "P", "PPLA", "IQ", "15",
          1_739_800, "2022-01-01"),
      row(6252001, "United States", "United States", "", 39.76, -98.5, "A", "PCLI", "US", "00",
          327_167_434, "2021-01-01"),
      row(2800000, "Some Stream", "Some Stream", "", 1, 1, "H", "STM", "IQ", "15", 0,
          "2020-01-01")) + "\n";

  private static Gazetteer builtIn;

  @TempDir
  Path dir;

  @BeforeAll
  static void buildOnce() {
    builtIn = Gazetteer.builtIn();
  }

  private static String row(long id, String name, String ascii, String alternates, double lat,
      double lon, String featureClass, String featureCode, String country, String admin1,
      long population, String modified) {
    return String.join("\t", String.valueOf(id), name, ascii, alternates, String.valueOf(lat),
        String.valueOf(lon), featureClass, featureCode, country, "", admin1, "", "", "",
        String.valueOf(population), "", "200", "Asia/Baghdad", modified);
  }

  @Test
  void shouldHoldCountriesDivisionsCitiesAndReviewedNames() {
    assertThat(builtIn.size()).isGreaterThan(35_000);
    assertThat(builtIn.lookup("mosul")).extracting(GazetteerEntry::geonameId).contains(99072L);
    assertThat(builtIn.lookup("ninawa")).extracting(GazetteerEntry::geonameId)
        .containsExactly(92877L);
    assertThat(builtIn.lookup("us")).extracting(GazetteerEntry::geonameId).contains(6252001L);
    assertThat(builtIn.demonym("Iraqi")).contains("IQ");
    assertThat(builtIn.contains("qayyara")).isFalse();
    assertThat(builtIn.id()).contains("cities15000@2025-12-16", "newswire-lists");
  }

  @Test
  void shouldPlaceCountriesAtGeoNamesPoints() {
    GazetteerEntry us = builtIn.country("US").orElseThrow();
    GazetteerEntry russia = builtIn.country("RU").orElseThrow();

    assertThat(us.latitude()).isEqualTo(39.76);
    assertThat(us.longitude()).isEqualTo(-98.5);
    assertThat(russia.latitude()).isEqualTo(60.0);
    assertThat(builtIn.places()).filteredOn(e -> e.isCountry() || e.isAdmin1())
        .allMatch(e -> !Double.isNaN(e.latitude()) || e.featureCode().equals("ADM1"));
  }

  @Test
  void shouldLoadAGzippedDumpInsteadOfTheBuiltInCities() throws IOException {
    Path dump = dir.resolve("cities-test.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dump))) {
      out.write(DUMP.getBytes(StandardCharsets.UTF_8));
    }

    Gazetteer gazetteer = Gazetteer.load(dump.toString());

    assertThat(gazetteer.lookup(Names.normalise("al-Qayyara")))
        .extracting(GazetteerEntry::geonameId).containsExactly(99003L);
    assertThat(gazetteer.lookup("qaiyara")).hasSize(1);
    assertThat(gazetteer.lookup(Names.normalise("القيارة"))).isEmpty();
    assertThat(gazetteer.contains("some stream")).isFalse();
    assertThat(gazetteer.contains(Names.normalise("Fallujah"))).isFalse();
    assertThat(gazetteer.lookup("iraq")).isNotEmpty();
    assertThat(gazetteer.id()).contains("cities-test.txt.gz@2023-03-05")
        .doesNotContain("cities15000");
  }

  @Test
  void shouldLoadADumpInAdditionAndLetItsRowsRefineKnownPlaces() throws IOException {
    Path dump = Files.writeString(dir.resolve("cities-test.txt"), DUMP);

    Gazetteer gazetteer = Gazetteer.load(List.of(Gazetteer.BUILT_IN, dump.toString()));

    assertThat(gazetteer.size()).isEqualTo(builtIn.size() + 1);
    assertThat(gazetteer.contains(Names.normalise("Fallujah"))).isTrue();
    assertThat(gazetteer.lookup("qayyara")).extracting(GazetteerEntry::geonameId)
        .containsExactly(99003L);
    assertThat(gazetteer.lookup("mosul")).filteredOn(e -> e.geonameId() == 99072L).hasSize(1);
  }

  @Test
  void shouldAddAlternateNamesToLoadedPlaces() throws IOException {
    Path names = Files.writeString(dir.resolve("alternateNamesV2.txt"), String.join("\n",
        "1\t92877\ten\tNinive Governorate\t\t\t\t\t\t",
        "2\t92877\tlink\thttps://en.wikipedia.org/wiki/Nineveh_Governorate\t\t\t\t\t\t",
        "3\t92877\ten\tOld Ninus\t\t\t\t1\t\t",
        "4\t424242\ten\tNowhere Known\t\t\t\t\t\t") + "\n");

    Gazetteer gazetteer = Gazetteer.load(List.of(Gazetteer.BUILT_IN, names.toString()));

    assertThat(gazetteer.lookup("ninive governorate")).extracting(GazetteerEntry::geonameId)
        .containsExactly(92877L);
    assertThat(gazetteer.contains("old ninus")).isFalse();
    assertThat(gazetteer.contains("nowhere known")).isFalse();
    assertThat(gazetteer.id()).contains("alternateNamesV2.txt");
  }

  @Test
  void shouldNameTheFileAndLineOfARowThatIsNoGeoNamesRow() throws IOException {
    Path bad = Files.writeString(dir.resolve("places.csv"), DUMP + "1,Mosul,36.3,43.1\n");

    assertThatThrownBy(() -> Gazetteer.load(bad.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("places.csv line 5 has 1 tab-separated columns")
        .hasMessageContaining("a GeoNames dump has 19");
  }

  @Test
  void shouldSayWhichGazetteerFileIsMissing() {
    assertThatThrownBy(() -> Gazetteer.load(dir.resolve("cities500.txt").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot read gazetteer file").hasMessageContaining("cities500.txt");
  }
}

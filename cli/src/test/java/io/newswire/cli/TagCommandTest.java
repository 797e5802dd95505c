package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newswire tag FILE}: a file's places as the pipeline tags it when the file is pushed. */
class TagCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int tag(Path file) {
    CommandLine line = Newswire.commandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute("tag", file.toString());
  }

  /** Each mention of the answer as "field start text kind", with its place's name. */
  private static List<String> mentions(JsonNode answer) {
    List<String> mentions = new ArrayList<>();
    for (JsonNode place : answer.path("places")) {
      for (JsonNode m : place.path("mentions")) {
        mentions.add(place.path("name").asText() + ": " + m.path("field").asText() + " "
            + m.path("start").asInt() + " " + m.path("text").asText() + " "
            + m.path("kind").asText());
      }
    }
    return mentions;
  }

  @Test
  void readsATextExportAsItsFieldsNotAsOneBody() throws Exception {
    // Section and category first, as newsroom text exports have them: no place of the
    // section's "Iraq News", and the headline's Mosul is the headline's.
    Path file = dir.resolve("article.txt");
    Files.writeString(file, "Iraq News\nSecurity\n\nMarkets reopen in Mosul\n\nBy Sara Haddad\n\n"
        + "Traders in Mosul reopened their stalls on Monday, two years after the fighting in"
        + " Ninawa province ended.\n\nThe old market of Mosul had been closed since 2016.\n",
        StandardCharsets.UTF_8);

    assertThat(tag(file)).as(err.toString()).isZero();

    JsonNode answer = JSON.readTree(out.toString());
    assertThat(answer.path("focusGeonameId").asLong()).isEqualTo(99072);
    assertThat(mentions(answer)).contains("Mosul: headline 18 Mosul NAME",
        "Mosul: body 11 Mosul NAME", "Nineveh: body 82 Ninawa NAME");
    assertThat(mentions(answer)).noneMatch(m -> m.startsWith("Iraq:"));
  }

  @Test
  void readsJsonAsNinjsOrSimpleJson() throws Exception {
    Path file = dir.resolve("article.json");
    Files.writeString(file, "{\"guid\":\"a-1\",\"headline\":\"Floods in Paris, Texas\","
        + "\"body\":\"Residents of Paris, Texas left their homes on Monday.\"}",
        StandardCharsets.UTF_8);

    assertThat(tag(file)).as(err.toString()).isZero();

    JsonNode answer = JSON.readTree(out.toString());
    assertThat(answer.path("focusCountryCode").asText()).isEqualTo("US");
    assertThat(mentions(answer)).contains("Paris: headline 10 Paris NAME",
        "Paris: body 13 Paris NAME");
  }

  @Test
  void namesWhatIsWrongWithAFileInOneLine() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), " \n");
    Path number = Files.writeString(dir.resolve("bad.json"), "{\"headline\": 5}");

    assertThat(tag(empty)).isEqualTo(1);
    assertThat(tag(number)).isEqualTo(1);
    assertThat(tag(dir.resolve("missing.txt"))).isEqualTo(1);

    assertThat(err.toString().lines()).containsExactly(
        empty + ": The article is empty (field body)",
        number + ": headline must be a string, was number (field headline)",
        "newswire tag: no such file: " + dir.resolve("missing.txt"));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void namesAGazetteerThatIsNotOneInOneLine() throws Exception {
    Path dump = Files.writeString(dir.resolve("places.txt"), "Mosul\t36.3\n");
    Path article = Files.writeString(dir.resolve("article.txt"), "Rain in Mosul\n");
    CommandLine line = Newswire.commandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));

    assertThat(line.execute("tag", "--gazetteer", dump.toString(), article.toString()))
        .isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly("newswire tag: " + dump
        + " line 1 has 2 tab-separated columns; a GeoNames dump has 19 (geonameid, name,"
        + " asciiname, alternatenames, latitude, longitude, feature class, feature code, ...)");
  }
}

package io.newswire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.Place;
import io.newswire.avro.RawArticle;
import io.newswire.enrich.PlaceTagger;
import io.newswire.enrich.internal.ArticleEnricher;
import io.newswire.enrich.internal.LanguageIdentifier;
import io.newswire.enrich.places.Evaluation;
import io.newswire.enrich.places.Gazetteer;
import io.newswire.enrich.places.GazetteerTagger;
import io.newswire.ingest.internal.ApiError;
import io.newswire.ingest.internal.ArticleIdentity;
import io.newswire.ingest.internal.ArticleIntake;
import io.newswire.ingest.internal.ArticleParser;
import io.newswire.ingest.internal.IncomingArticle;
import io.newswire.ingest.internal.MediaType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswire tag}: the places of one article as JSON, as the pipeline tags it when the file
 * is pushed, or of every line of a JSONL file
 * ({@code {"id","text"}} in, {@code {"id","places":[{"start","end","name","geonameId","lat",
 * "lon"}]}} out, one entry per mention, offsets in code points of {@code text}).
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
    description = "Print the places an article names, resolved to GeoNames, as JSON.")
final class TagCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The feed an article read from a file is taken to come from, as {@code push} sends it. */
  private static final String FEED = "local";

  @Spec
  CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Input input;

  @Mixin
  GazetteerOption gazetteer;

  static final class Input {
    @Parameters(paramLabel = "FILE", description = "One article, read by its extension as"
        + " push sends it: a text export (txt), ninjs or simple JSON (json), a page (html,"
        + " htm); any other extension as text.")
    Path file;

    @Option(names = "--jsonl", paramLabel = "IN.jsonl",
        description = "Lines {\"id\",\"text\"}; writes one line of places per input line.")
    Path jsonl;
  }

  @Override
  public Integer call() throws Exception {
    Gazetteer loaded = gazetteer.load();
    PlaceTagger tagger = new GazetteerTagger(loaded);
    PrintWriter out = spec.commandLine().getOut();
    if (input.file != null) {
      EnrichedArticle article;
      try {
        article = enrich(input.file, tagger);
      } catch (ApiError e) {
        spec.commandLine().getErr().printf("%s: %s%s%n", input.file, e.getMessage(),
            e.field() == null ? "" : " (field " + e.field() + ")");
        return 1;
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().printf("%s: %s%n", input.file, e.getMessage());
        return 1;
      }
      ObjectNode answer = JSON.createObjectNode();
      ArrayNode places = answer.putArray("places");
      for (Place place : article.getPlaces()) {
        places.add(JSON.readTree(place.toString()));
      }
      answer.put("focusGeonameId", article.getFocusGeonameId());
      answer.put("focusCountryCode", article.getFocusCountryCode());
      ArrayNode about = answer.putArray("aboutCountries");
      article.getAboutCountries().forEach(c -> about.add(c.getCountryCode()));
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
    } else {
      try (BufferedReader reader = Files.newBufferedReader(input.jsonl, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          var article = JSON.readTree(line);
          ObjectNode result = JSON.createObjectNode().put("id", article.path("id").asText());
          ArrayNode mentions = result.putArray("places");
          for (Evaluation.Span span : Evaluation.predict(tagger, loaded,
              article.path("text").asText())) {
            ObjectNode p = mentions.addObject().put("start", span.start()).put("end", span.end())
                .put("name", span.name());
            if (span.geonameId() != null) {
              p.put("geonameId", span.geonameId());
            }
            if (!Double.isNaN(span.lat())) {
              p.put("lat", span.lat()).put("lon", span.lon());
            }
          }
          out.println(result);
        }
      }
    }
    out.flush();
    return 0;
  }

  /**
   * The article in {@code file} as the pipeline makes it: read as {@code push} sends it (by its
   * extension; text for any other) and as ingest parses it, then enriched as enrich does, so
   * that its places, their fields and offsets are those the stored article gets.
   */
  private static EnrichedArticle enrich(Path file, PlaceTagger tagger) throws IOException {
    String type = PushCommand.contentType(file);
    if (type != null && type.startsWith("application/x-ndjson")) {
      throw new IllegalArgumentException("tag reads one article (.txt, .json, .html); for lines"
          + " of {\"id\",\"text\"} use --jsonl");
    }
    IncomingArticle incoming = new ArticleParser(JSON).parse(
        MediaType.parse(type == null ? "text/plain; charset=utf-8" : type),
        Files.readAllBytes(file), Map.of());
    RawArticle raw = ArticleIntake.rawArticle(ArticleIdentity.idOf(FEED, incoming), FEED,
        Instant.now(), incoming);
    return new ArticleEnricher(new LanguageIdentifier(), tagger, "tag", Clock.systemUTC())
        .enrich(raw);
  }
}

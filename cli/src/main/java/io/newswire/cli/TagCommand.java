package io.newswire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.avro.Place;
import io.newswire.enrich.PlaceTagger;
import io.newswire.enrich.places.Evaluation;
import io.newswire.enrich.places.Gazetteer;
import io.newswire.enrich.places.GazetteerTagger;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswire tag}: the places of one article as JSON, or of every line of a JSONL file
 * ({@code {"id","text"}} in, {@code {"id","places":[{"start","end","name","geonameId","lat",
 * "lon"}]}} out, one entry per mention, offsets in code points of {@code text}).
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
    description = "Print the places an article names, resolved to GeoNames, as JSON.")
final class TagCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Input input;

  @Mixin
  GazetteerOption gazetteer;

  static final class Input {
    @Parameters(paramLabel = "FILE", description = "An article as text.")
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
      String text = Files.readString(input.file, StandardCharsets.UTF_8);
      PlaceTagger.PlaceTags tags = tagger.tag(new PlaceTagger.ArticleText(null, null,
          List.of(), List.of(), text));
      ObjectNode answer = JSON.createObjectNode();
      ArrayNode places = answer.putArray("places");
      for (Place place : tags.places()) {
        places.add(JSON.readTree(place.toString()));
      }
      answer.put("focusGeonameId", tags.focusGeonameId());
      answer.put("focusCountryCode", tags.focusCountryCode());
      ArrayNode about = answer.putArray("aboutCountries");
      tags.aboutCountries().forEach(c -> about.add(c.getCountryCode()));
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
}

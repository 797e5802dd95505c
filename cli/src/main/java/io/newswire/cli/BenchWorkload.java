package io.newswire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.enrich.places.Gazetteer;
import io.newswire.enrich.places.SampleArticles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The articles {@code newswire bench} pushes: generated newsroom exports of a chosen size, or the
 * texts of a JSONL corpus (cycled, each round a new edition), with duplicates and malformed ones
 * mixed in at set rates. Deterministic for a seed; every article gets a guid unique to the run,
 * and a last line naming it, so that runs against the same pipeline never collide.
 */
final class BenchWorkload {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One push: an article as a text export and as a JSON line, or a malformed one. */
  record Push(String guid, String text, String jsonLine, boolean malformed, boolean duplicate) {
  }

  private final SampleArticles generator;
  private final List<JsonNode> corpus;
  private final int size;
  private final double duplicates;
  private final double malformed;
  private final Random random;
  private final String run;
  private final List<Push> sent = new ArrayList<>();
  private int next;

  BenchWorkload(Gazetteer gazetteer, Path corpusFile, int size, long seed, double duplicates,
      double malformed, String run) {
    this.generator = corpusFile == null ? new SampleArticles(gazetteer, seed) : null;
    this.corpus = corpusFile == null ? List.of() : readCorpus(corpusFile);
    this.size = size;
    this.duplicates = duplicates;
    this.malformed = malformed;
    this.random = new Random(seed);
    this.run = run;
  }

  private static List<JsonNode> readCorpus(Path file) {
    try {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          JsonNode article = JSON.readTree(line);
          if (!article.path("text").asText().isBlank()) {
            lines.add(article);
          }
        }
      }
      if (lines.isEmpty()) {
        throw new IllegalArgumentException(file + " holds no lines with a \"text\"");
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the corpus " + file, e);
    }
  }

  /** The next push: usually a new article, sometimes a repeat or a malformed one. */
  Push next() {
    double draw = random.nextDouble();
    if (draw < malformed) {
      return new Push(run + "-bad-" + next++, "  \n", "{\"headline\": 42}", true, false);
    }
    if (draw < malformed + duplicates && !sent.isEmpty()) {
      Push earlier = sent.get(random.nextInt(sent.size()));
      return new Push(earlier.guid(), earlier.text(), earlier.jsonLine(), false, true);
    }
    int number = next++;
    String headline;
    String body;
    String text;
    if (generator != null) {
      text = generator.next(size);
      String[] blocks = text.split("\n\n", 4);
      headline = blocks[1];
      body = blocks[3];
    } else {
      JsonNode article = corpus.get(number % corpus.size());
      int edition = number / corpus.size();
      String content = article.path("text").asText();
      String title = article.path("title").asText("");
      headline = (title.isBlank() ? content.substring(0, Math.min(80, content.length())) : title)
          .replaceAll("\\s+", " ").strip()
          + (edition > 0 ? " (edition " + (edition + 1) + ")" : "");
      body = article.path("text").asText();
      text = "News\n\n" + headline + "\n\nBy Newswire Bench\n\n" + body;
    }
    String guid = run + "-" + number;
    // Distinct articles have texts of their own, also when the corpus comes round again.
    String mark = "\n\nFiled as " + guid + ".";
    body += mark;
    text += mark;
    String line = JSON.createObjectNode().put("guid", guid).put("headline", headline)
        .put("byline", "Newswire Bench").put("body", body).toString();
    Push push = new Push(guid, text, line, false, false);
    sent.add(push);
    return push;
  }

  /** The next {@code count} pushes. */
  List<Push> next(int count) {
    List<Push> pushes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      pushes.add(next());
    }
    return pushes;
  }
}

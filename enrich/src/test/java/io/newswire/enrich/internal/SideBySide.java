package io.newswire.enrich.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.avro.ArticleFormat;
import io.newswire.avro.RawArticle;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times two builds of the enrich module in one JVM, in turns: place tagging or the whole
 * enrichment of the same articles, pass after pass, each build's classes loaded apart. On a
 * shared machine whose speed moves by a third from one minute to the next, runs one after the
 * other can tell a change that does nothing from one that saves 30%; turns within one JVM meet
 * the same moments. Not a test: run it by hand, see docs/benchmarks.md. Arguments: the two
 * builds' class directories ({@code enrich/target/classes} of each checkout), then optionally a
 * JSONL corpus ({@code {"text"}} per line); without one, 256 generated 5 KB articles.
 * {@code -Dstep=enrichment} times the whole enrichment, {@code -Dsecs=N} the length (default
 * 40 s, of which the first 6 s warm up).
 */
public final class SideBySide {
  private static final String ENRICH = "io.newswire.enrich.";

  private SideBySide() {
  }

  /** One build: its own classes of the enrich module, everything else shared. */
  private static final class Build extends URLClassLoader {
    Build(Path classes) throws Exception {
      super(new URL[] {classes.toUri().toURL()}, SideBySide.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null && name.startsWith(ENRICH)) {
          try {
            loaded = findClass(name);
          } catch (ClassNotFoundException e) {
            // Not in this build's main classes: this tool, or a test class.
          }
        }
        if (loaded == null) {
          return super.loadClass(name, resolve);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }

  /** A step of one build, ready to run on article {@code i}. */
  private interface Step {
    void run(int i) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SideBySide OLD_CLASSES NEW_CLASSES [CORPUS.jsonl]");
      System.exit(2);
    }
    boolean whole = "enrichment".equals(System.getProperty("step", "tagging"));
    long seconds = Long.getLong("secs", 40);
    Build first = new Build(Path.of(args[0]));
    List<String> texts = args.length > 2 ? corpus(Path.of(args[2])) : generated(first);
    List<RawArticle> raws = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      raws.add(RawArticle.newBuilder().setId("a-" + i).setVersion(1).setFeedId("bench")
          .setReceivedAt(Instant.now()).setFormat(ArticleFormat.TEXT)
          .setContentType("text/plain; charset=utf-8")
          .setContent(ByteBuffer.wrap(texts.get(i).getBytes(StandardCharsets.UTF_8))).build());
    }
    Step[] steps = {step(first, texts, raws, whole),
        step(new Build(Path.of(args[1])), texts, raws, whole)};
    List<List<Double>> micros = List.of(new ArrayList<>(), new ArrayList<>());
    long start = System.nanoTime();
    for (int pass = 0; System.nanoTime() - start < seconds * 1_000_000_000L; pass++) {
      for (int k = 0; k < 2; k++) {
        // Each build goes first in every other pass.
        int b = (pass + k) % 2;
        long began = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
          steps[b].run(i);
        }
        if (began - start > 6_000_000_000L) {
          micros.get(b).add((System.nanoTime() - began) / 1e3 / texts.size());
        }
      }
    }
    System.out.printf("%s of %d articles, in turns for %d s:%n",
        whole ? "whole enrichment" : "place tagging", texts.size(), seconds);
    for (int b = 0; b < 2; b++) {
      List<Double> m = micros.get(b);
      Collections.sort(m);
      System.out.printf("  %-40s best %7.1f  p25 %7.1f  median %7.1f us/article (%d passes)%n",
          args[b], m.get(0), m.get(m.size() / 4), m.get(m.size() / 2), m.size());
    }
  }

  private static Step step(Build build, List<String> texts, List<RawArticle> raws,
      boolean whole) throws Exception {
    Class<?> gazetteers = build.loadClass(ENRICH + "places.Gazetteer");
    Object gazetteer = gazetteers.getMethod("builtIn").invoke(null);
    Class<?> placeTagger = build.loadClass(ENRICH + "PlaceTagger");
    Object tagger = build.loadClass(ENRICH + "places.GazetteerTagger")
        .getConstructor(gazetteers).newInstance(gazetteer);
    if (whole) {
      Class<?> languages = build.loadClass(ENRICH + "internal.LanguageIdentifier");
      Object enricher = build.loadClass(ENRICH + "internal.ArticleEnricher")
          .getConstructor(languages, placeTagger, String.class, Clock.class)
          .newInstance(languages.getConstructor().newInstance(), tagger, "bench",
              Clock.systemUTC());
      Method enrich = enricher.getClass().getMethod("enrich", RawArticle.class);
      return i -> enrich.invoke(enricher, raws.get(i));
    }
    Class<?> articleText = build.loadClass(ENRICH + "PlaceTagger$ArticleText");
    Constructor<?> make = articleText.getConstructors()[0];
    List<Object> articles = new ArrayList<>();
    for (String text : texts) {
      articles.add(make.newInstance(null, null, List.of(), List.of(), text));
    }
    Method tag = placeTagger.getMethod("tag", articleText);
    return i -> tag.invoke(tagger, articles.get(i));
  }

  private static List<String> corpus(Path file) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        texts.add(json.readTree(line).path("text").asText());
      }
    }
    return texts;
  }

  private static List<String> generated(Build build) throws Exception {
    Class<?> gazetteers = build.loadClass(ENRICH + "places.Gazetteer");
    Object gazetteer = gazetteers.getMethod("builtIn").invoke(null);
    Class<?> samples = build.loadClass(ENRICH + "places.SampleArticles");
    Object sample = samples.getConstructor(gazetteers, long.class).newInstance(gazetteer, 42L);
    Method next = samples.getMethod("next", int.class);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      texts.add((String) next.invoke(sample, 5_000));
    }
    return texts;
  }
}

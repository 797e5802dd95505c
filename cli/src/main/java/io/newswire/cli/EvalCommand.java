package io.newswire.cli;

import io.newswire.enrich.places.Evaluation;
import io.newswire.enrich.places.Gazetteer;
import io.newswire.enrich.places.GazetteerTagger;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswire eval}: the tagger scored against a corpus of gold toponyms. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Score place tagging against a JSONL corpus of gold toponyms: precision,"
        + " recall and F1 for exact and overlapping spans, accuracy within 161 km, mean and"
        + " median error, AUC, articles/s.")
final class EvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "FILE.jsonl",
      description = "Lines {\"id\",\"text\",\"toponyms\":[{\"start\",\"end\",\"lat\",\"lon\"}]}.")
  Path corpus;

  @Option(names = "--types", split = ",", paramLabel = "TYPE",
      description = "Only gold toponyms of these types (GeoWebNews), e.g."
          + " Literal,Mixed,Embedded_Literal,Literal_Modifier.")
  List<String> types;

  @Mixin
  GazetteerOption gazetteerOption;

  @Override
  public Integer call() throws Exception {
    Gazetteer gazetteer = gazetteerOption.loadAndReport(spec.commandLine().getOut());
    Set<String> kept = types == null ? Set.of() : new LinkedHashSet<>(types);
    Evaluation.Scores scores = Evaluation.score(new GazetteerTagger(gazetteer), gazetteer,
        corpus, kept);
    spec.commandLine().getOut().print(Evaluation.report(scores));
    spec.commandLine().getOut().flush();
    return 0;
  }
}

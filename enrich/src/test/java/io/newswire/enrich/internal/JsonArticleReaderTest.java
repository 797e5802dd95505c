package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonArticleReaderTest {

  @Test
  void shouldSplitBodyIntoParagraphsAtBlankLinesAndJoinTheLinesOfEach() {
    String json = "{\"headline\": \"h\", \"body\": \"One line.\\n\\nTwo\\n  lines\\r\\nand three."
        + "\\r\\n \\t\\r\\nLast, with\\rno line feed.\\n\\n\\n\", \"Section\": \"World\"}";

    ArticleStructure structure = JsonArticleReader.read(json);

    assertThat(structure.paragraphs()).containsExactly("One line.", "Two lines and three.",
        "Last, with\rno line feed.");
    assertThat(structure.section()).isEqualTo("World");
  }

  @Test
  void shouldReadNinjsBodiesByRole() {
    String json = "{\"uri\": \"u\", \"bodies\": [{\"role\": \"summary\", \"value\": \"Short.\"},"
        + " {\"role\": \"main\", \"value\": \"First.\\n\\nSecond.\"}]}";

    assertThat(JsonArticleReader.read(json).paragraphs()).containsExactly("First.", "Second.");
  }

  @Test
  void shouldFindTheParagraphsThePatternsFind() {
    Random random = new Random(5);
    String alphabet = "ab. \t\n\n\r\u000b\f\u00a0\u2003\u2028";
    for (int i = 0; i < 50_000; i++) {
      StringBuilder body = new StringBuilder();
      for (int n = random.nextInt(24); n > 0; n--) {
        body.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(JsonArticleReader.paragraphs(body.toString())).as("[%s]", body)
          .isEqualTo(byPatterns(body.toString()));
    }
  }

  /** The paragraphs as the patterns find them. */
  private static List<String> byPatterns(String body) {
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : body.split("\\n\\s*\\n")) {
      if (!paragraph.isBlank()) {
        paragraphs.add(paragraph.strip().replaceAll("\\s*\\n\\s*", " "));
      }
    }
    return paragraphs;
  }
}

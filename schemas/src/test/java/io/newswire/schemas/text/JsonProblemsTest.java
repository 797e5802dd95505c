package io.newswire.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonProblemsTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldSayWhereTheJsonBrokeOffWithoutTheParsersNotesOnItsSource() {
    JsonProcessingException e = catchThrowableOfType(
        () -> json.readTree("{\"headline\": \"Floods\",\n \"body\": [1, 2"),
        JsonProcessingException.class);

    assertThat(JsonProblems.describe(e))
        .startsWith("line 2, column 15: Unexpected end-of-input")
        .contains("start marker at line 2, column 10")
        .doesNotContain("Source", "REDACTED", "StreamReadFeature");
  }

  @Test
  void shouldNameTheUnexpectedCharacter() {
    JsonProcessingException e = catchThrowableOfType(() -> json.readTree("{\"a\": tru}"),
        JsonProcessingException.class);

    assertThat(JsonProblems.describe(e)).startsWith("line 1, column ")
        .contains("Unrecognized token 'tru'").doesNotContain("Source");
  }
}

package io.newswire.schemas.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/** What is wrong with a piece of JSON, said for the people who sent it. */
public final class JsonProblems {
  /**
   * A location as the parser writes it into its messages ("start marker at [Source: REDACTED
   * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]").
   */
  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)]");

  private JsonProblems() {
  }

  /**
   * "line 1, column 15: Unexpected end-of-input: expected close marker for Object (start marker
   * at line 1, column 1)": where the parser stopped and why, without its notes on the source.
   */
  public static String describe(JsonProcessingException e) {
    String message = SOURCE_LOCATION.matcher(String.valueOf(e.getOriginalMessage()))
        .replaceAll("line $1, column $2");
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 0 ? message
        : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + message;
  }
}

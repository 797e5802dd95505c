package io.newswire.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.avro.ArticleFormat;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArticleIdentityTest {

  private static IncomingArticle article(String guid, String text, Long version,
      Instant versionTime) {
    return new IncomingArticle(ArticleFormat.TEXT, "text/plain", text.getBytes(), text, guid,
        null, null, null, null, null, null, null, version, versionTime, Map.of());
  }

  @Test
  void shouldDeriveNameBasedUuidV5FromFeedAndGuid() {
    String id = ArticleIdentity.idOf("afp", article("urn:1", "a", null, null));

    assertThat(UUID.fromString(id).version()).isEqualTo(5);
    assertThat(ArticleIdentity.idOf("afp", article("urn:1", "other text", null, null)))
        .as("the guid decides, not the text").isEqualTo(id);
    assertThat(ArticleIdentity.idOf("reuters", article("urn:1", "a", null, null)))
        .as("another feed's guid is another article").isNotEqualTo(id);
  }

  @Test
  void shouldDeriveIdFromNormalisedTextWithoutGuid() {
    String id = ArticleIdentity.idOf("afp", article(null, "Troops  advance\non MOSUL", null,
        null));

    assertThat(ArticleIdentity.idOf("afp", article(null, "troops advance on mosul ", null,
        null))).isEqualTo(id);
    assertThat(ArticleIdentity.idOf("afp", article(null, "troops retreat", null, null)))
        .isNotEqualTo(id);
    assertThat(UUID.fromString(id).version()).isEqualTo(8);
  }

  @Test
  void shouldTakeFeedVersionThenVersionTimeThenReceiveTime() {
    Instant received = Instant.parse("2020-01-01T00:00:00Z");
    Instant updated = Instant.parse("2019-06-01T00:00:00Z");

    assertThat(ArticleIdentity.versionOf(article(null, "x", 7L, updated), received))
        .isEqualTo(7);
    assertThat(ArticleIdentity.versionOf(article(null, "x", null, updated), received))
        .isEqualTo(updated.toEpochMilli());
    assertThat(ArticleIdentity.versionOf(article(null, "x", null, null), received))
        .isEqualTo(received.toEpochMilli());
  }

  @Test
  void shouldNormaliseAsciiAsTheGeneralPassDoes() {
    Random random = new Random(11);
    String alphabet = "aZ9 \t\n\u000b\f\r\u0001\u001f.-'\"";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(30); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(ArticleIdentity.normalise(text.toString())).as("[%s]", text)
          .isEqualTo(ArticleIdentity.normaliseGenerally(text.toString()));
    }
    assertThat(ArticleIdentity.normalise(" \u0001 Troops\t\tADVANCE\r\n")).isEqualTo(
        "troops advance");
  }

  @Test
  void shouldNormaliseEveryScriptAsTheGeneralPassDoes() {
    // Characters beyond ASCII take the same pass through a table; marks, conjoining Hangul
    // letters, a capital sigma and surrogates among them send the whole text to the general
    // pass. Latin, Greek, Cyrillic, Arabic, Devanagari, kana, Hangul, CJK, compatibility forms.
    Random random = new Random(13);
    String alphabet = "aZ9 \t\n.'\u00a0\u00a8\u00aa\u00b2\u00b5\u00bc\u00c0\u00c9\u00d7\u00df"
        + "\u00e9\u00ff\u2002\u2013\u2014\u2019\u201c\u2026\u2033\u2060\u0301\u0130\u03a3"
        + "\u4e2d\u0141\u00f3\u0144\u1ea1\u1eb5\u0391\u03c2\u03f9\u03f2\u0416\u0436\u0419"
        + "\u0306\u0627\u0644\u0653\ufef5\u0928\u093c\u0915\u3042\u304b\u3099\u30ac\uac00"
        + "\u1100\u1161\u11a8\u314f\uffa1\ufb01\uff21\u3000\u2460\ud83d\ude00\u1e9e";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(16); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(ArticleIdentity.normalise(text.toString())).as("[%s]", text)
          .isEqualTo(ArticleIdentity.normaliseGenerally(text.toString()));
    }
    for (char c = 0x80; c != 0; c++) {
      String text = " x" + c + "Y " + c + c + "\u2026" + c + "\u03b1" + c + "\u0436" + c;
      assertThat(ArticleIdentity.normalise(text)).as("U+%04X", (int) c)
          .isEqualTo(ArticleIdentity.normaliseGenerally(text));
    }
  }
}

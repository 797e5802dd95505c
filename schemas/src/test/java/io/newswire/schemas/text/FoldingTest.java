package io.newswire.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class FoldingTest {

  @Test
  void shouldComposeOnlyMarksAndConjoiningHangulWithTheCharacterBefore() {
    // Whatever NFC composes ends, decomposed, in a combining mark or a conjoining Hangul
    // letter, which Folding leaves to the whole-text pass: no two characters it folds compose.
    // Beyond the Basic Multilingual Plane letters compose too (Kirat Rai's vowel signs, from
    // Unicode 16 on, as in JDK 24 and later); Folding leaves every surrogate to that pass.
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      if (c <= 0xffff && Character.isSurrogate((char) c)) {
        continue;
      }
      String decomposed = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD);
      if (decomposed.codePointCount(0, decomposed.length()) < 2) {
        continue;
      }
      int last = decomposed.codePointBefore(decomposed.length());
      if (Character.isSupplementaryCodePoint(last)) {
        for (char half : Character.toChars(last)) {
          assertThat(Folding.alone(half)).as("U+%04X of U+%04X", (int) half, last).isNull();
        }
        continue;
      }
      assertThat(Folding.isMark(last) || Folding.isConjoiningJamo(last))
          .as("U+%04X ends in U+%04X", c, last).isTrue();
      assertThat(Folding.alone((char) last)).as("U+%04X", last).isNull();
    }
  }

  @Test
  void shouldFoldOneCharacterAsTheWholeTextPassDoes() {
    assertThat(Folding.alone('\u00c9')).isEqualTo("\u00e9");
    assertThat(Folding.alone('\u2026')).isEqualTo("...");
    assertThat(Folding.alone('\u00a0')).isEqualTo(" ");
    assertThat(Folding.alone('\u0416')).isEqualTo("\u0436");
    assertThat(Folding.alone('\ufb01')).isEqualTo("fi");
  }

  @Test
  void shouldLeaveWhatDependsOnItsNeighboursToTheWholeTextPass() {
    assertThat(Folding.alone('\u0301')).as("combining acute").isNull();
    assertThat(Folding.alone('\u0130')).as("capital I with dot: i and a mark").isNull();
    assertThat(Folding.alone('\u03a3')).as("capital sigma").isNull();
    assertThat(Folding.alone('\u03f9')).as("lunate sigma: a capital sigma in NFKC").isNull();
    assertThat(Folding.alone('\u1161')).as("conjoining jungseong").isNull();
    assertThat(Folding.alone('\u314f')).as("compatibility jamo: conjoining in NFKC").isNull();
    assertThat(Folding.alone('\ud83d')).as("surrogate").isNull();
  }
}

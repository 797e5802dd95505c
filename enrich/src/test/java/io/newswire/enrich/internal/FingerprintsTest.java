package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprintsTest {
  /** Headline, body, content hash, signature: what the fingerprints of these always were. */
  static Object[][] known() {
    return new Object[][] {
        {"Mosul offensive resumes", "Iraqi forces pushed into western Mosul on Sunday, officials"
            + " said.\n\nThe push follows weeks of preparation.",
            "c281f8f6350bd8ef1457c2f8e4f151260403d8a0cf19ee092abc92318f328737",
            1443614136169534977L},
        {null, "Short text.",
            "22549d1ba7cff0fabd6daac998e477a0a9edab875874dd78da976a01d982e0a4",
            -6090371327375868641L},
        // Final sigma at either side of the blank line.
        {"ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ", "Η ΑΘΗΝΑ ΣΗΜΕΡΑ. Σ\n\nΣ word",
            "5990ba0443ebda60a5157bdee6bd2fed758f3d7e768fdc6923db3aa1f0b5abe0",
            1227346454967812544L},
        // Compatibility forms, combining marks, other numbers, Unicode spaces.
        {"Ｆｕｌｌ ｗｉｄｔｈ ﬁnance", "Café\u0301 naïve e\u0301 \u00a0 İstanbul ² Ⅻ x\u2009y",
            "f040f5803da167ae884e87dfd6036838de7dea2ad48344d39e695d6fe4d46d44",
            -8505743867015657578L},
        {"\u0301Headline", "\u0301body starts with a mark",
            "241a3173b9330f5f0da02494198fdeeb84dc0729dcf3e6f4463d6fc9a20b91d9",
            -1699001065885454399L},
        {"—", "“Quoted” – dashes — and … ellipses!!",
            "241109000c534bec6e085ce5384f85fc10c19722d3ce2cbf3f25e91c4c28bfd8",
            163960273748688936L},
        {"Only headline", "",
            "4b03dfc0e02c8086bd46eaabd06e6ef8cecd0ec568a4aa74909cabf0a7b807a4", null},
        {"", "one two",
            "8ab63e29a4ba14e4e1688f9c15e5af90895421358c945b0431f85d66977bd3d2",
            1615821532277511529L},
        {"a", "b", "c8687a08aa5d6ed2044328fa6a697ab8e96dc34291e8c2034ae8c38e6fcc6d65",
            2682292114924641691L},
        {"Ünïcödé headline", "日本語のテキスト 😀 emoji and 中文",
            "df9fb379ebf771db193dd3d130afba08cc0ee158701ba29e0641c245e0bab156",
            7214978371994047553L},
    };
  }

  @ParameterizedTest
  @MethodSource("known")
  void shouldKeepTheFingerprintsConsumersHaveStored(String headline, String body, String hash,
      Long signature) {
    Fingerprints.Of prints = Fingerprints.of(headline, body);

    assertThat(prints.contentHash()).isEqualTo(hash);
    assertThat(prints.nearDuplicateSignature()).isEqualTo(signature);
  }

  @ParameterizedTest
  @MethodSource("known")
  void shouldHashTheHeadlineAndBodyAsOneText(String headline, String body, String hash,
      Long signature) {
    String text = (headline == null ? "" : headline + "\n\n") + body;

    assertThat(Fingerprints.of(null, text).contentHash()).isEqualTo(hash);
  }

  @Test
  void shouldTellNearDuplicatesByTheirSignatures() {
    String story = "Iraqi forces pushed into western Mosul on Sunday after weeks of preparation,"
        + " officials said, as families fled the fighting towards camps south of the city and"
        + " aid groups warned of shortages of food and water in the coming days.";
    long original = Fingerprints.of(null, story).nearDuplicateSignature();
    long edited = Fingerprints.of("Mosul", story.replace("Sunday", "Monday"))
        .nearDuplicateSignature();
    long other = Fingerprints.of(null, "Parliament passed the budget late on Thursday after a"
        + " long debate over spending on schools, hospitals and roads in the northern provinces.")
        .nearDuplicateSignature();

    assertThat(Long.bitCount(original ^ edited)).isLessThan(16);
    assertThat(Long.bitCount(original ^ other)).isGreaterThan(20);
  }

  @Test
  void shouldNormaliseEveryScriptAsTheGeneralPassDoes() {
    // Characters beyond ASCII take a pass a character at a time through a table; marks,
    // conjoining Hangul letters, a capital sigma and surrogates among them send the whole text
    // to the general pass. Latin, Greek, Cyrillic, Arabic, Devanagari, kana, Hangul, CJK,
    // compatibility forms.
    String alphabet = "aZ9 .,'-\n\u00a0\u00a8\u00aa\u00b2\u00bc\u00c0\u00c9\u00d7\u00df"
        + "\u00e9\u00ff\u2002\u2013\u2014\u2018\u2019\u201c\u201d\u2024\u2026\u2033\u203c"
        + "\u2060\u0301\u0130\u03a3\u4e2d\u00b5\u0141\u0144\u1ea1\u1eb5\u0391\u03c2\u03f9"
        + "\u0416\u0436\u0306\u0627\u0644\u0653\ufef5\u0928\u093c\u3042\u3099\u30ac\uac00"
        + "\u1100\u1161\u11a8\u314f\ufb01\uff21\u3000\u2460\ud83d\ude00";
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int k = 0; k < length; k++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(Fingerprints.normalise(text.toString())).as("[%s]", text)
          .isEqualTo(Fingerprints.normaliseGenerally(text.toString()));
    }
    for (char c = 0x80; c != 0; c++) {
      String text = "x" + c + "y " + c + c + "\u03b1" + c + "\u0436" + c;
      assertThat(Fingerprints.normalise(text)).as("U+%04X", (int) c)
          .isEqualTo(Fingerprints.normaliseGenerally(text));
    }
  }

  @Test
  void shouldSignAsTheShinglesHashedOneByOne() {
    // The signature hashes the three shingles that hold a word side by side, in one pass; the
    // same as hashing each shingle ("w1 w2 w3 ", FNV-1a, then the MurmurHash3 finaliser) on its
    // own, from one word to many.
    String[] vocabulary = {"mosul", "iraq", "forces", "a", "b", "ninawa", "2016", "é", "al"};
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      int words = 1 + random.nextInt(30);
      StringBuilder body = new StringBuilder();
      for (int k = 0; k < words; k++) {
        body.append(k == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
      }
      String text = body.toString();

      assertThat(Fingerprints.of(null, text).nearDuplicateSignature())
          .as(text).isEqualTo(shingleByShingle(text.split(" ")));
    }
  }

  private static long shingleByShingle(String[] words) {
    int size = Math.min(3, words.length);
    int shingles = words.length - size + 1;
    int[] ones = new int[64];
    for (int i = 0; i < shingles; i++) {
      long hash = 0xcbf29ce484222325L;
      for (int k = i; k < i + size; k++) {
        for (char c : (words[k] + " ").toCharArray()) {
          hash = (hash ^ c) * 0x100000001b3L;
        }
      }
      hash ^= hash >>> 33;
      hash *= 0xff51afd7ed558ccdL;
      hash ^= hash >>> 33;
      hash *= 0xc4ceb9fe1a85ec53L;
      hash ^= hash >>> 33;
      for (int bit = 0; bit < 64; bit++) {
        ones[bit] += (int) (hash >>> bit & 1);
      }
    }
    long signature = 0;
    for (int bit = 0; bit < 64; bit++) {
      signature |= 2 * ones[bit] > shingles ? 1L << bit : 0;
    }
    return signature;
  }
}

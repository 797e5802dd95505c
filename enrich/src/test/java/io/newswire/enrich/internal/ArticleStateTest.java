package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ArticleStateTest {
  private static final String HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private final Serde<ArticleState> serde = ArticleState.serde();

  @Test
  void shouldRoundTripWithAndWithoutAHash() {
    for (ArticleState state : new ArticleState[] {
        new ArticleState(17, HASH, 1_700_000_000_000L), ArticleState.versionOnly(18)}) {
      byte[] bytes = serde.serializer().serialize("t", state);
      assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(state);
    }
  }

  @Test
  void shouldReadTheVersionAloneThatTheStoreHeldBeforeHashes() {
    byte[] legacy = ByteBuffer.allocate(Long.BYTES).putLong(1_795_000_000_000L).array();

    ArticleState state = serde.deserializer().deserialize("t", legacy);

    assertThat(state.version()).isEqualTo(1_795_000_000_000L);
    assertThat(state.contentHash()).isNull();
    assertThat(state.sameContent(HASH, 0, Long.MAX_VALUE)).isFalse();
  }

  @Test
  void shouldTakeTheSameContentForARepeatOnlyWithinTheWindow() {
    ArticleState state = new ArticleState(1, HASH, 1_000);

    assertThat(state.sameContent(HASH, 61_000, 60_000)).isTrue();
    assertThat(state.sameContent(HASH, 61_001, 60_000)).isFalse();
    assertThat(state.sameContent("other", 2_000, 60_000)).isFalse();
    assertThat(state.repeatedAt(2)).isEqualTo(new ArticleState(2, HASH, 1_000));
  }
}

package io.newswire.schemas;

import io.newswire.avro.ArticleFormat;
import io.newswire.avro.Caption;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.Mention;
import io.newswire.avro.MentionKind;
import io.newswire.avro.Place;
import io.newswire.avro.PlaceRole;
import io.newswire.avro.Provenance;
import io.newswire.avro.RawArticle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fixture articles for tests of any module. */
public final class Articles {
  private Articles() {
  }

  /** A raw text article as a newsroom export looks. */
  public static RawArticle raw(String id, long version) {
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(version)
        .setFeedId("test-feed")
        .setReceivedAt(Instant.parse("2016-11-02T10:15:30Z"))
        .setFormat(ArticleFormat.TEXT)
        .setContentType("text/plain; charset=utf-8")
        .setContent(ByteBuffer.wrap("Iraq News\nTerrorism\n\nTroops advance on Mosul\n"
            .getBytes(StandardCharsets.UTF_8)))
        .setGuid("guid-" + id)
        .setFeedFields(Map.of("desk", "world"))
        .build();
  }

  /** An enriched article with one resolved place. */
  public static EnrichedArticle enriched(String id, long version) {
    Mention mention = Mention.newBuilder().setField("body").setStart(22).setEnd(27)
        .setText("Mosul").setKind(MentionKind.NAME).build();
    Place mosul = Place.newBuilder().setGeonameId(99072L).setName("Mosul").setCountryCode("IQ")
        .setAdmin1Code("15").setAdmin1Name("Nineveh").setFeatureClass("P")
        .setFeatureCode("PPLA").setLatitude(36.335).setLongitude(43.11889)
        .setPopulation(1739800L).setMentions(List.of(mention)).setConfidence(0.97)
        .setRole(PlaceRole.FOCUS).build();
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setVersion(version)
        .setHeadline("Troops advance on Mosul")
        .setSection("Iraq News")
        .setCategory("Terrorism")
        .setBylines(List.of("Khalid al-Taie"))
        .setCaptions(List.of(Caption.newBuilder().setText("A school in Mosul.")
            .setCredit("Photo courtesy of the Ninawa Centre for Information").build()))
        .setBody("Iraqi forces pushed into Mosul on Tuesday.")
        .setPublished(Instant.parse("2016-11-02T08:00:00Z"))
        .setPlaces(List.of(mosul))
        .setFocusGeonameId(99072L)
        .setFocusCountryCode("IQ")
        .setProvenance(Provenance.newBuilder().setPipelineVersion("test")
            .setEnrichedAt(Instant.parse("2016-11-02T10:15:31Z")).build())
        .build();
  }
}

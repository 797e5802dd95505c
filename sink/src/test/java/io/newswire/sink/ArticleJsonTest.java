package io.newswire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.RawArticle;
import io.newswire.schemas.Articles;
import io.newswire.sink.internal.ArticleJson;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {
  @Test
  void shouldWriteTheJsonApiUsersRead() {
    assertThat(ArticleJson.text(Articles.enriched("a-1", 2))).isEqualTo(
        "{\"id\":\"a-1\",\"version\":2,\"feedId\":null,\"receivedAt\":null,\"format\":null,\""
        + "url\":null,\"section\":\"Iraq News\",\"category\":\"Terrorism\",\"headline\":\"Troop"
        + "s advance on Mosul\",\"bylines\":[\"Khalid al-Taie\"],\"dateline\":null,\"captions\""
        + ":[{\"text\":\"A school in Mosul.\",\"credit\":\"Photo courtesy of the Ninawa Centre "
        + "for Information\"}],\"subheadings\":[],\"body\":\"Iraqi forces pushed into Mosul on "
        + "Tuesday.\",\"summary\":null,\"wordCount\":null,\"readingTimeSeconds\":null,\"languag"
        + "e\":null,\"languageConfidence\":null,\"published\":\"2016-11-02T08:00:00Z\",\"mentio"
        + "nedDates\":[],\"people\":[],\"organisations\":[],\"contentHash\":null,\"nearDuplicat"
        + "eSignature\":null,\"places\":[{\"geonameId\":99072,\"name\":\"Mosul\",\"countryCode"
        + "\":\"IQ\",\"admin1Code\":\"15\",\"admin1Name\":\"Nineveh\",\"featureClass\":\"P\",\""
        + "featureCode\":\"PPLA\",\"latitude\":36.335,\"longitude\":43.11889,\"population\":173"
        + "9800,\"mentions\":[{\"field\":\"body\",\"start\":22,\"end\":27,\"text\":\"Mosul\",\""
        + "kind\":\"NAME\"}],\"confidence\":0.97,\"role\":\"FOCUS\"}],\"focusGeonameId\":99072,"
        + "\"focusCountryCode\":\"IQ\",\"aboutCountries\":[],\"provenance\":{\"pipelineVersion"
        + "\":\"test\",\"gazetteerId\":null,\"enrichedAt\":\"2016-11-02T10:15:31Z\",\"processin"
        + "gMicros\":null}}");
  }

  @Test
  void shouldWriteTheTextOfItsTree() {
    EnrichedArticle odd = EnrichedArticle.newBuilder(Articles.enriched("a-2", 1))
        .setHeadline("Quote \" back\\slash \n newline \t tab \u0001 é 中 😀 </script>")
        .setWordCount(123).setLanguageConfidence(0.987654321).setNearDuplicateSignature(-1L)
        .build();
    for (IndexedRecord record : List.of(Articles.enriched("a-1", 2), Articles.raw("r-1", 1),
        odd)) {
      assertThat(ArticleJson.text(record)).isEqualTo(ArticleJson.of(record).toString());
    }
  }

  @Test
  void shouldWriteGenericRecordsAsTheirSpecificTwins() throws Exception {
    RawArticle raw = RawArticle.newBuilder(Articles.raw("r-2", 1))
        .setFeedFields(Map.of("slug", "mosul-advance")).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    new SpecificDatumWriter<RawArticle>(RawArticle.class).write(raw, encoder);
    // Read without the generated class: Utf8 strings, enum symbols, a map of Utf8, longs.
    GenericRecord generic = new GenericDatumReader<GenericRecord>(RawArticle.getClassSchema())
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

    JsonNode json = ArticleJson.of(generic);

    JsonNode specific = ArticleJson.of(raw);
    assertThat(json.get("id").asText()).isEqualTo("r-2");
    assertThat(json.get("format")).isEqualTo(specific.get("format"));
    assertThat(json.get("content")).isEqualTo(specific.get("content"));
    assertThat(json.get("feedFields")).isEqualTo(specific.get("feedFields"));
    assertThat(json.get("receivedAt").asLong()).isEqualTo(raw.getReceivedAt().toEpochMilli());
    assertThat(ArticleJson.text(generic)).isEqualTo(json.toString());
  }
}

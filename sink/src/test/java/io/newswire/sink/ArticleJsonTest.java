package io.newswire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.avro.EnrichedArticle;
import io.newswire.schemas.Articles;
import io.newswire.sink.internal.ArticleJson;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;
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
}

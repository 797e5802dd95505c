package io.newswire.ingest.internal;

/**
 * Where Kafka stored an article, as the API answers it.
 *
 * @param duplicate whether the same article (same id and content) was already stored, in which
 *     case this is where the earlier copy is and nothing new was written
 */
public record Acknowledgement(String id, long version, String topic, int partition, long offset,
    boolean duplicate) {

  Acknowledgement asDuplicate() {
    return new Acknowledgement(id, version, topic, partition, offset, true);
  }
}

package io.newswire.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: byte 0 is the magic byte {@code 0}, bytes 1-4 the schema id as a
 * big-endian int, and the rest the Avro binary encoding of the datum.
 */
public final class WireFormat {
  /** The first byte of every framed record. */
  public static final byte MAGIC_BYTE = 0x0;
  /** Magic byte plus schema id. */
  public static final int HEADER_SIZE = 5;

  private WireFormat() {
  }

  /**
   * The schema id of a framed record; leaves {@code buffer} positioned at the Avro payload.
   *
   * @throws SerializationException when the bytes are not in the wire format
   */
  public static int readHeader(ByteBuffer buffer) {
    if (buffer.remaining() < HEADER_SIZE) {
      throw new SerializationException("Record of " + buffer.remaining()
          + " bytes is too short for the schema registry wire format (needs at least "
          + HEADER_SIZE + ")");
    }
    byte magic = buffer.get();
    if (magic != MAGIC_BYTE) {
      throw new SerializationException(String.format(
          "Unknown magic byte 0x%02x: not a schema registry wire-format record", magic));
    }
    return buffer.getInt();
  }
}

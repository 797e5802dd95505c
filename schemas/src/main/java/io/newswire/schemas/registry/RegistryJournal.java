package io.newswire.schemas.registry;

import java.util.List;
import java.util.function.Function;

/**
 * Where a registry keeps its records, and the state they add up to.
 *
 * <p>Writes are serialised across every registry instance sharing the journal: a mutation sees
 * every record any instance wrote before it, and its records are applied before {@link #write}
 * returns, so a caller reads its own writes.
 */
public interface RegistryJournal extends AutoCloseable {

  /** What a mutation decided: the records to append (possibly none) and the caller's answer. */
  record Mutation<T>(List<RegistryRecord> records, T result) {
    public Mutation {
      records = List.copyOf(records);
    }

    /** A mutation that changes nothing and answers {@code result}. */
    public static <T> Mutation<T> none(T result) {
      return new Mutation<>(List.of(), result);
    }
  }

  /** The current state; reads through it see every record applied so far. */
  RegistryState state();

  /**
   * Runs {@code mutation} against up-to-date state, appends the records it returns and applies
   * them.
   *
   * @throws RegistryException as thrown by the mutation, or with code 50001/50002 when the
   *     records could not be stored
   */
  <T> T write(Function<RegistryState, Mutation<T>> mutation);

  @Override
  void close();
}

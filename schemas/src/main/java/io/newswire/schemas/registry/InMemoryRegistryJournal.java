package io.newswire.schemas.registry;

import java.util.function.Function;

/** A journal that only lives in memory: for unit tests and the {@code mock://} registry. */
public final class InMemoryRegistryJournal implements RegistryJournal {
  private final RegistryState state;

  public InMemoryRegistryJournal(CompatibilityLevel defaultLevel) {
    this.state = new RegistryState(defaultLevel);
  }

  @Override
  public RegistryState state() {
    return state;
  }

  @Override
  public synchronized <T> T write(Function<RegistryState, Mutation<T>> mutation) {
    Mutation<T> m = mutation.apply(state);
    m.records().forEach(state::apply);
    return m.result();
  }

  @Override
  public void close() {
    // nothing to release
  }
}

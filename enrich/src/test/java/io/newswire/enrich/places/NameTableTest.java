package io.newswire.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameTableTest {
  private static GazetteerEntry place(long id, String name) {
    return new GazetteerEntry(id, name, "IQ", null, null, "P", "PPL", 36.3, 43.1, 1000);
  }

  @Test
  void shouldFindEachNamesPlacesAndTheirOwnNames() {
    List<GazetteerEntry> entries = List.of(place(1, "Mosul"), place(2, "Al Mawsil"),
        place(3, "Nineveh"));
    Map<String, int[]> names = Map.of("mosul", new int[] {0, 1}, "mawsil", new int[] {1},
        "ninawa", new int[] {2}, "nineveh", new int[] {2});
    Map<String, int[]> owners = Map.of("mosul", new int[] {0}, "mawsil", new int[] {1},
        "nineveh", new int[] {2});
    NameTable table = new NameTable(names, owners, entries);

    assertThat(table.size()).isEqualTo(4);
    assertThat(table.lookup("mosul")).containsExactly(entries.get(0), entries.get(1));
    assertThat(table.lookup("ninawa")).containsExactly(entries.get(2));
    assertThat(table.lookup("basra")).isEmpty();
    assertThat(table.contains("mawsil")).isTrue();
    assertThat(table.contains("mosu")).isFalse();
    assertThat(table.contains("")).isFalse();
    assertThat(table.isOwn("mosul", entries.get(0))).isTrue();
    assertThat(table.isOwn("mosul", entries.get(1))).isFalse();
    assertThat(table.isOwn("ninawa", entries.get(2))).isFalse();
    assertThat(table.isOwn("basra", entries.get(0))).isFalse();
    assertThat(table.owners("mosul")).containsExactly(entries.get(0));
    assertThat(table.owners("ninawa")).isEmpty();
  }

  @Test
  void shouldHoldManyNamesApart() {
    List<GazetteerEntry> entries = new ArrayList<>();
    Map<String, int[]> names = new HashMap<>();
    for (int i = 0; i < 100_000; i++) {
      entries.add(place(i, "Place " + i));
      names.put("place " + i, new int[] {i});
    }
    NameTable table = new NameTable(names, Map.of(), entries);
    for (int i = 0; i < 100_000; i++) {
      assertThat(table.lookup("place " + i)).containsExactly(entries.get(i));
      assertThat(table.contains("place x" + i)).isFalse();
    }
  }

  @Test
  void shouldGiveTheCallerAListOfItsOwn() {
    List<GazetteerEntry> entries = List.of(place(1, "Mosul"));
    NameTable table = new NameTable(Map.of("mosul", new int[] {0}), Map.of(), entries);
    List<GazetteerEntry> first = table.lookup("mosul");
    first.clear();
    assertThat(table.lookup("mosul")).containsExactly(entries.get(0));
  }
}

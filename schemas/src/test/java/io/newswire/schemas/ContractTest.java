package io.newswire.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.avro.DeadLetter;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.RawArticle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published schemas keep the rules that let consumers rely on them as they evolve. */
class ContractTest {

  private static Schema schemaOf(String name) {
    return switch (name) {
      case "RawArticle" -> RawArticle.getClassSchema();
      case "EnrichedArticle" -> EnrichedArticle.getClassSchema();
      case "DeadLetter" -> DeadLetter.getClassSchema();
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"RawArticle", "EnrichedArticle", "DeadLetter"})
  void shouldDocumentEveryRecordEnumAndField(String name) {
    List<String> undocumented = new ArrayList<>();
    walk(schemaOf(name), new HashSet<>(), (path, schema, field) -> {
      if (field != null && blank(field.doc())) {
        undocumented.add(path);
      }
      if (field == null && (schema.getType() == Schema.Type.RECORD
          || schema.getType() == Schema.Type.ENUM) && blank(schema.getDoc())) {
        undocumented.add(path + " (" + schema.getFullName() + ")");
      }
    });

    assertThat(undocumented).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"EnrichedArticle"})
  void shouldGiveEveryOptionalFieldADefaultAndEveryEnumADefaultSymbol(String name) {
    List<String> rigid = new ArrayList<>();
    walk(schemaOf(name), new HashSet<>(), (path, schema, field) -> {
      if (field != null && !field.hasDefaultValue() && !Set.of("id", "version", "name",
          "text", "start", "end", "countryCode", "pipelineVersion", "enrichedAt")
          .contains(field.name())) {
        rigid.add(path + " has no default");
      }
      if (field == null && schema.getType() == Schema.Type.ENUM
          && schema.getEnumDefault() == null) {
        rigid.add(schema.getFullName() + " has no default symbol");
      }
    });

    assertThat(rigid).isEmpty();
  }

  private interface Visitor {
    void visit(String path, Schema schema, Schema.Field field);
  }

  private static void walk(Schema schema, Set<String> seen, Visitor visitor) {
    walk("", schema, seen, visitor);
  }

  private static void walk(String path, Schema schema, Set<String> seen, Visitor visitor) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!seen.add(schema.getFullName())) {
          return;
        }
        visitor.visit(path.isEmpty() ? schema.getName() : path, schema, null);
        for (Schema.Field field : schema.getFields()) {
          String fieldPath = (path.isEmpty() ? schema.getName() : path) + "." + field.name();
          visitor.visit(fieldPath, field.schema(), field);
          walk(fieldPath, field.schema(), seen, visitor);
        }
      }
      case ENUM -> {
        if (seen.add(schema.getFullName())) {
          visitor.visit(path, schema, null);
        }
      }
      case UNION -> schema.getTypes().forEach(t -> walk(path, t, seen, visitor));
      case ARRAY -> walk(path + "[]", schema.getElementType(), seen, visitor);
      case MAP -> walk(path + "{}", schema.getValueType(), seen, visitor);
      default -> {
        // primitives carry no docs of their own
      }
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}

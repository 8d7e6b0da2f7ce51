package com.acme.servicenow.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the engine does with a {@code zeebe:input}/{@code zeebe:output} target such as {@code connection.instance}. */
final class InputMappings {

  private InputMappings() {}

  /**
   * Puts {@code value} at the dotted {@code path}, creating (or copying, so shared maps are never
   * mutated) the intermediate contexts, as the engine builds a nested local variable.
   */
  @SuppressWarnings("unchecked")
  static void putPath(Map<String, Object> target, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> current = target;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = current.get(parts[i]);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        current.put(parts[i], next);
      } else if (!(next instanceof LinkedHashMap)) {
        next = new LinkedHashMap<>((Map<String, Object>) next);
        current.put(parts[i], next);
      }
      current = (Map<String, Object>) next;
    }
    current.put(parts[parts.length - 1], value);
  }
}

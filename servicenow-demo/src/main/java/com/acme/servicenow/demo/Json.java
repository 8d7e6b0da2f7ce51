package com.acme.servicenow.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** JSON in and out for the command line. */
final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static String pretty(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      return String.valueOf(value);
    }
  }

  static Map<String, Object> readObject(Path file) {
    try {
      return MAPPER.readValue(Files.readString(file), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a JSON object from " + file + ": " + e.getMessage(), e);
    }
  }
}

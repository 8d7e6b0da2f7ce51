package com.acme.servicenow.emulator.attachment;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small multipart/form-data parser; the last part with a file name is the file, as the Attachment API expects. */
final class Multipart {

  record Part(String name, String fileName, String contentType, byte[] data) {
  }

  record Parsed(Map<String, String> fields, Part file) {
  }

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  private Multipart() {
  }

  /** Null when the content type is not multipart or has no boundary. */
  static Parsed parse(String contentType, byte[] body) {
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/")) {
      return null;
    }
    Matcher b = BOUNDARY.matcher(contentType);
    if (!b.find()) {
      return null;
    }
    // ISO-8859-1 maps bytes 1:1 to chars, so binary file content survives the string handling
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + b.group(1);
    Map<String, String> fields = new LinkedHashMap<>();
    Part file = null;
    int pos = text.indexOf(delimiter);
    while (pos >= 0) {
      int start = pos + delimiter.length();
      if (text.startsWith("--", start)) {
        break;
      }
      int next = text.indexOf("\r\n" + delimiter, start);
      if (next < 0) {
        break;
      }
      String part = text.substring(start, next);
      if (part.startsWith("\r\n")) {
        part = part.substring(2);
      }
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd >= 0) {
        String headers = part.substring(0, headerEnd);
        String data = part.substring(headerEnd + 4);
        String disposition = header(headers, "content-disposition");
        String name = find(NAME, disposition);
        String fileName = find(FILE_NAME, disposition);
        if (fileName != null) {
          file = new Part(name, fileName, header(headers, "content-type"), data.getBytes(StandardCharsets.ISO_8859_1));
        } else if (name != null) {
          fields.put(name, new String(data.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
      }
      pos = next + 2;
    }
    return new Parsed(fields, file);
  }

  private static String header(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static String find(Pattern p, String s) {
    if (s == null) {
      return null;
    }
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }
}

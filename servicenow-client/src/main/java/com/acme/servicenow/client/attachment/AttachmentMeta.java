package com.acme.servicenow.client.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Attachment metadata (reference A2.1); {@code raw} keeps every field ServiceNow sent.
 */
public record AttachmentMeta(
    String sysId,
    String fileName,
    String contentType,
    long sizeBytes,
    String tableName,
    String tableSysId,
    String downloadLink,
    String createdOn,
    String createdBy,
    ObjectNode raw) {

  public static AttachmentMeta of(ObjectNode n) {
    long size = -1;
    try {
      size = Long.parseLong(text(n, "size_bytes"));
    } catch (NumberFormatException | NullPointerException ignored) {
      // unknown size
    }
    return new AttachmentMeta(text(n, "sys_id"), text(n, "file_name"), text(n, "content_type"), size,
        text(n, "table_name"), text(n, "table_sys_id"), text(n, "download_link"), text(n, "sys_created_on"),
        text(n, "sys_created_by"), n);
  }

  private static String text(ObjectNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject()) {
      return v.path("value").asText(null);
    }
    return v.asText();
  }
}

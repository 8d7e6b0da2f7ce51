package com.acme.servicenow.client.attachment;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.http.HttpResult;
import com.acme.servicenow.client.http.InvalidBodyException;
import com.acme.servicenow.client.http.Json;
import com.acme.servicenow.client.http.RequestSpec;
import com.acme.servicenow.client.http.Transport;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.Identifiers;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.TableApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Attachment API ({@code /api/now/attachment}), reference A2.1. Thread-safe. */
public final class AttachmentApi {

  private static final Pattern CONTENT_TYPE = Pattern.compile("^[A-Za-z0-9!#$&^_.+\\-]+/[A-Za-z0-9!#$&^_.+\\-]+(\\s*;[^\\r\\n]*)?$");
  private final Transport transport;

  public AttachmentApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * Uploads one file with {@code POST /attachment/file}, streaming the body (not retried: a stream cannot
   * be sent twice, and POST is not idempotent).
   *
   * @param length byte length, or -1 when unknown (chunked transfer)
   */
  public AttachmentMeta upload(String table, String sysId, String fileName, String contentType, InputStream content,
      long length) {
    Identifiers.table(table);
    Identifiers.sysId(sysId);
    checkFileName(fileName);
    if (contentType == null || !CONTENT_TYPE.matcher(contentType.strip()).matches()) {
      throw new ServiceNowInputException("contentType", "must be a MIME type such as text/plain or application/pdf");
    }
    if (content == null) {
      throw new ServiceNowInputException("content", "is required");
    }
    RequestSpec spec = RequestSpec.method("POST", "/api/now/attachment/file")
        .param("table_name", table)
        .param("table_sys_id", sysId)
        .param("file_name", fileName)
        .streamBody(content, length < 0 ? -1 : length, contentType.strip())
        .build();
    return AttachmentMeta.of(transport.execute(spec, TableApi::resultObject));
  }

  /** Metadata of all attachments of one record (first 1000). */
  public List<AttachmentMeta> list(String table, String sysId) {
    Identifiers.table(table);
    Identifiers.sysId(sysId);
    return list(QuerySpec.where(Condition.eq("table_name", table), Condition.eq("table_sys_id", sysId)), 1000, 0);
  }

  /** Metadata of attachments matching a query on {@code sys_attachment}. */
  public List<AttachmentMeta> list(QuerySpec query, int limit, int offset) {
    if (limit < 1 || limit > 10_000) {
      throw new ServiceNowInputException("limit", "must be between 1 and 10000");
    }
    if (offset < 0) {
      throw new ServiceNowInputException("offset", "must not be negative");
    }
    RequestSpec.Builder b = RequestSpec.get("/api/now/attachment");
    String q = query == null ? "" : query.encode();
    if (!q.isEmpty()) {
      b.param("sysparm_query", q);
    }
    b.param("sysparm_limit", Integer.toString(limit)).param("sysparm_offset", Integer.toString(offset));
    return transport.execute(b.build(), r -> {
      JsonNode root = Transport.readJson(r);
      JsonNode result = root == null ? null : root.get("result");
      if (result == null || !result.isArray()) {
        throw new InvalidBodyException("expected {\"result\":[...]}");
      }
      List<AttachmentMeta> out = new ArrayList<>();
      for (JsonNode n : result) {
        if (n.isObject()) {
          out.add(AttachmentMeta.of((ObjectNode) n));
        }
      }
      return out;
    });
  }

  /** Metadata of one attachment; empty on 404. */
  public Optional<AttachmentMeta> get(String attachmentSysId) {
    Identifiers.sysId("attachmentSysId", attachmentSysId);
    try {
      return Optional.of(AttachmentMeta.of(
          transport.execute(RequestSpec.get("/api/now/attachment/" + attachmentSysId).build(), TableApi::resultObject)));
    } catch (ServiceNowException e) {
      if (e.code() == ErrorCode.SERVICENOW_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Streams the file ({@code GET /attachment/{id}/file}); close the returned {@link Download}. */
  public Download download(String attachmentSysId) {
    Identifiers.sysId("attachmentSysId", attachmentSysId);
    Transport.OpenResponse open = transport.open(
        RequestSpec.get("/api/now/attachment/" + attachmentSysId + "/file").accept("*/*").build());
    try {
      HttpResult r = open.result();
      AttachmentMeta meta = metaFromHeader(attachmentSysId, r);
      long length = -1;
      String cl = r.header("Content-Length");
      if (cl != null) {
        try {
          length = Long.parseLong(cl.strip());
        } catch (NumberFormatException ignored) {
          // unknown length
        }
      }
      return new Download(meta, r.contentType(), length, r.body(), open);
    } catch (RuntimeException e) {
      open.close();
      throw e;
    }
  }

  /** Deletes an attachment (204). */
  public void delete(String attachmentSysId) {
    Identifiers.sysId("attachmentSysId", attachmentSysId);
    transport.noContent(RequestSpec.method("DELETE", "/api/now/attachment/" + attachmentSysId).build());
  }

  private static AttachmentMeta metaFromHeader(String sysId, HttpResult r) {
    String header = r.header("X-Attachment-Metadata");
    if (header != null) {
      try {
        JsonNode n = Json.MAPPER.readTree(header);
        if (n != null && n.isObject()) {
          return AttachmentMeta.of((ObjectNode) n);
        }
      } catch (IOException ignored) {
        // fall back to what the HTTP headers say
      }
    }
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("sys_id", sysId);
    if (r.contentType() != null) {
      n.put("content_type", r.contentType());
    }
    return AttachmentMeta.of(n);
  }

  static void checkFileName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      throw new ServiceNowInputException("fileName", "is required");
    }
    if (fileName.length() > 255) {
      throw new ServiceNowInputException("fileName", "is longer than 255 characters");
    }
    for (char c : fileName.toCharArray()) {
      if (Character.isISOControl(c) || c == '/' || c == '\\') {
        throw new ServiceNowInputException("fileName", "must not contain path separators or control characters");
      }
    }
  }
}

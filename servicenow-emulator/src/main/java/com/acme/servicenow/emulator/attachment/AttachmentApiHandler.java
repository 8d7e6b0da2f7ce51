package com.acme.servicenow.emulator.attachment;

import com.acme.servicenow.emulator.auth.Principal;
import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.data.TableSchema;
import com.acme.servicenow.emulator.http.ApiException;
import com.acme.servicenow.emulator.http.ApiHandler;
import com.acme.servicenow.emulator.http.ApiRequest;
import com.acme.servicenow.emulator.http.ApiResponse;
import com.acme.servicenow.emulator.http.Json;
import com.acme.servicenow.emulator.query.QueryEngine;
import com.acme.servicenow.emulator.table.RecordWriter;
import com.acme.servicenow.emulator.table.TableApiHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Attachment API, {@code /api/now/attachment} (reference A2.1): list with {@code sysparm_query}, metadata,
 * content with {@code X-Attachment-Metadata}, raw upload ({@code /file}), multipart upload ({@code /upload}) and
 * delete. Metadata rows live in {@code sys_attachment}; the bytes in memory.
 */
public final class AttachmentApiHandler implements ApiHandler {

  private static final Pattern PATH = Pattern.compile("^/api/now(?:/v1)?/attachment(?:/([^/]+))?(/file)?/?$");
  private static final int DEFAULT_LIMIT = 1000;

  /** Size and extension limits ({@code com.glide.attachment.max_size}, {@code glide.attachment.extensions}). */
  public record Limits(long maxBytes, Set<String> allowedExtensions) {
    public static final Limits DEFAULT = new Limits(1024L * 1024 * 1024, Set.of());
  }

  private final EmulatorContext ctx;
  private final RecordWriter writer;
  private final Map<String, byte[]> content = new ConcurrentHashMap<>();
  private volatile Limits limits = Limits.DEFAULT;

  public AttachmentApiHandler(EmulatorContext ctx, RecordWriter writer) {
    this.ctx = ctx;
    this.writer = writer;
    // content of rows that a reset removed goes too
    ctx.resetHooks.add(() -> content.keySet().removeIf(id -> ctx.store.get("sys_attachment", id).isEmpty()));
  }

  public void limits(Limits limits) {
    this.limits = limits;
  }

  @Override
  public boolean handles(String path) {
    return PATH.matcher(path).matches();
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    Matcher m = PATH.matcher(request.path());
    if (!m.matches()) {
      throw ApiException.invalidUri();
    }
    String id = m.group(1);
    boolean file = m.group(2) != null;
    String method = request.method();
    if (id == null) {
      if (method.equals("GET") || method.equals("HEAD")) {
        return list(request);
      }
      throw notSupported(request);
    }
    if (id.equals("file") && !file && method.equals("POST")) {
      return uploadRaw(request);
    }
    if (id.equals("upload") && !file && method.equals("POST")) {
      return uploadMultipart(request);
    }
    return switch (method) {
      case "GET", "HEAD" -> file ? download(request, id) : ApiResponse.result(200, meta(request, row(request, id)));
      case "DELETE" -> {
        if (file) {
          throw notSupported(request);
        }
        yield delete(request, id);
      }
      default -> throw notSupported(request);
    };
  }

  private static ApiException notSupported(ApiRequest request) {
    return new ApiException(405, "Method not Supported", request.method() + " method not supported for API");
  }

  private ApiResponse list(ApiRequest request) {
    TableSchema table = ctx.table("sys_attachment");
    if (!ctx.access.canRead(request.principal(), "sys_attachment")) {
      throw new ApiException(403, "Insufficient rights to query records", null);
    }
    QueryEngine.Compiled query = ctx.queries.compile(table, request.param("sysparm_query"), request.principal(),
        ctx.caseSensitiveQueries);
    List<Map<String, String>> matches = new ArrayList<>();
    if (!(query.hasInvalidTerms() && ctx.invalidQueryReturnsNoRows)) {
      for (Map<String, String> row : ctx.store.list("sys_attachment")) {
        if (query.test(row) && ctx.access.canRead(request.principal(), row.get("table_name"))) {
          matches.add(row);
        }
      }
    }
    if (query.comparator() != null) {
      matches.sort(query.comparator());
    }
    int limit = TableApiHandler.intParam(request, "sysparm_limit", DEFAULT_LIMIT);
    if (limit <= 0) {
      limit = DEFAULT_LIMIT;
    }
    int offset = Math.max(0, TableApiHandler.intParam(request, "sysparm_offset", 0));
    int total = matches.size();
    List<Map<String, String>> page = offset >= total ? List.of()
        : matches.subList(offset, Math.min(total, offset + limit));
    List<Object> result = new ArrayList<>();
    for (Map<String, String> row : page) {
      result.add(meta(request, row));
    }
    ApiResponse response = ApiResponse.result(200, result).header("X-Total-Count", Integer.toString(total));
    String link = TableApiHandler.linkHeader(ctx.linkHeaderStyle, request, limit, offset, total, page.size());
    if (link != null) {
      response.header("Link", link);
    }
    return response;
  }

  private Map<String, String> row(ApiRequest request, String id) {
    Map<String, String> row = ctx.store.get("sys_attachment", id).orElseThrow(ApiException::noRecord);
    if (!ctx.access.canRead(request.principal(), "sys_attachment")
        || !ctx.access.canRead(request.principal(), row.get("table_name"))) {
      throw ApiException.noRecord();
    }
    return row;
  }

  private ApiResponse download(ApiRequest request, String id) {
    Map<String, String> row = row(request, id);
    byte[] bytes = content.getOrDefault(id, new byte[0]);
    String type = row.getOrDefault("content_type", "");
    return new ApiResponse(200, bytes)
        .header("Content-Type", type.isEmpty() ? "application/octet-stream" : type)
        .header("X-Attachment-Metadata", Json.writeString(meta(request, row)));
  }

  private ApiResponse delete(ApiRequest request, String id) {
    Map<String, String> row = row(request, id);
    if (!ctx.access.canWrite(request.principal(), "sys_attachment")
        || !ctx.access.canWrite(request.principal(), row.get("table_name"))) {
      throw new ApiException(403, "Operation Failed", "ACL Exception Delete Failed due to security constraints");
    }
    ctx.store.delete("sys_attachment", id);
    content.remove(id);
    return ApiResponse.empty(204);
  }

  private ApiResponse uploadRaw(ApiRequest request) {
    String tableName = required(request.param("table_name"), "table_name");
    String tableSysId = required(request.param("table_sys_id"), "table_sys_id");
    String fileName = required(request.param("file_name"), "file_name");
    String contentType = request.header("Content-Type");
    if (contentType == null || contentType.isBlank()) {
      throw new ApiException(400, "Content-Type header is required", "Send the file's MIME type as Content-Type");
    }
    return create(request, tableName, tableSysId, fileName, contentType, request.body());
  }

  private ApiResponse uploadMultipart(ApiRequest request) {
    String contentType = request.header("Content-Type");
    Multipart.Parsed parsed = Multipart.parse(contentType, request.body());
    if (parsed == null || parsed.file() == null) {
      throw new ApiException(400, "Failed to create the attachment. File part might be missing in the request.", null);
    }
    String tableName = required(parsed.fields().get("table_name"), "table_name");
    String tableSysId = required(parsed.fields().get("table_sys_id"), "table_sys_id");
    Multipart.Part file = parsed.file();
    return create(request, tableName, tableSysId, file.fileName(),
        file.contentType() == null ? "application/octet-stream" : file.contentType(), file.data());
  }

  private ApiResponse create(ApiRequest request, String tableName, String tableSysId, String fileName,
                             String contentType, byte[] bytes) {
    TableSchema target = ctx.table(tableName);
    if (target == null) {
      throw new ApiException(400, "Invalid table " + tableName, null);
    }
    Principal caller = request.principal();
    if (ctx.store.get(tableName, tableSysId).isEmpty() || !ctx.access.canRead(caller, tableName)) {
      throw ApiException.noRecord();
    }
    if (!ctx.access.canWrite(caller, "sys_attachment") || !ctx.access.canWrite(caller, tableName)) {
      throw new ApiException(403, "Operation Failed", "ACL Exception Insert Failed due to security constraints");
    }
    Limits l = limits;
    if (bytes.length > l.maxBytes()) {
      throw new ApiException(400, "Failed to create the attachment. The file exceeds the maximum attachment size",
          "com.glide.attachment.max_size allows " + l.maxBytes() + " bytes");
    }
    if (!l.allowedExtensions().isEmpty()) {
      int dot = fileName.lastIndexOf('.');
      String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (!l.allowedExtensions().contains(ext)) {
        throw new ApiException(400, "Failed to create the attachment. The file extension is not allowed",
            "glide.attachment.extensions allows " + String.join(",", l.allowedExtensions()));
      }
    }
    String mime = contentType.split(";")[0].trim();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("table_name", tableName);
    fields.put("table_sys_id", tableSysId);
    fields.put("file_name", fileName);
    fields.put("content_type", mime);
    fields.put("size_bytes", Integer.toString(bytes.length));
    fields.put("size_compressed", Integer.toString(bytes.length));
    fields.put("compressed", "false");
    fields.put("hash", sha256(bytes));
    fields.put("state", "available");
    Map<String, String> row = writer.insert(ctx.table("sys_attachment"), fields, caller,
        new RecordWriter.Options(false, false, false));
    content.put(row.get("sys_id"), bytes.clone());
    return ApiResponse.result(201, meta(request, row))
        .header("Location", request.baseUrl() + "/api/now/attachment/" + row.get("sys_id"));
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new ApiException(400, "Missing parameter: " + name, null);
    }
    return value;
  }

  /** Metadata in the documented field order, all strings. */
  private Map<String, String> meta(ApiRequest request, Map<String, String> row) {
    String id = row.get("sys_id");
    Map<String, String> m = new LinkedHashMap<>();
    m.put("table_sys_id", row.get("table_sys_id"));
    m.put("size_bytes", row.get("size_bytes"));
    m.put("download_link", request.baseUrl() + "/api/now/attachment/" + id + "/file");
    m.put("sys_updated_on", row.get("sys_updated_on"));
    m.put("sys_id", id);
    m.put("image_height", row.getOrDefault("image_height", ""));
    m.put("sys_created_on", row.get("sys_created_on"));
    m.put("file_name", row.get("file_name"));
    m.put("sys_created_by", row.get("sys_created_by"));
    m.put("compressed", row.getOrDefault("compressed", "false"));
    m.put("average_image_color", row.getOrDefault("average_image_color", ""));
    m.put("sys_updated_by", row.get("sys_updated_by"));
    m.put("sys_tags", row.getOrDefault("sys_tags", ""));
    m.put("table_name", row.get("table_name"));
    m.put("image_width", row.getOrDefault("image_width", ""));
    m.put("sys_mod_count", row.get("sys_mod_count"));
    m.put("content_type", row.get("content_type"));
    m.put("size_compressed", row.get("size_compressed"));
    m.put("created_by_name", userName(row.get("sys_created_by")));
    m.put("updated_by_name", userName(row.get("sys_updated_by")));
    return m;
  }

  private String userName(String userName) {
    return ctx.store.get("sys_user", EmulatorContext.userSysId(userName))
        .map(u -> u.getOrDefault("name", userName)).orElse(userName);
  }

  /** The stored bytes of an attachment, or null. */
  public byte[] content(String sysId) {
    byte[] b = content.get(sysId);
    return b == null ? null : b.clone();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String latin1(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}

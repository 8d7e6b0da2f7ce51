package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Attachment API (reference A2.1). */
class AttachmentApiTest {

  static final String AUTH = "Basic YWRtaW46YWRtaW4=";

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b
      .user("reader", "pw").tableAccess("reader", "incident", true, false));

  private final HttpClient client = HttpClient.newHttpClient();
  private Http http;
  private String incident;

  @BeforeEach
  void setUp() {
    sn.emulator().reset();
    http = new Http(sn.baseUrl());
    incident = sn.emulator().records().insert("incident", Map.of("short_description", "with files")).get("sys_id");
  }

  private HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sn.baseUrl() + path)).header("Authorization", AUTH)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode upload(String fileName, String type, byte[] data) throws Exception {
    HttpResponse<byte[]> r = send("POST", "/api/now/attachment/file?table_name=incident&table_sys_id=" + incident
        + "&file_name=" + fileName, type, data);
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    return Http.MAPPER.readTree(r.body()).get("result");
  }

  @Test
  void rawUploadMetadataAndDownload() throws Exception {
    HttpResponse<byte[]> r = send("POST", "/api/now/attachment/file?table_name=incident&table_sys_id=" + incident
        + "&file_name=report.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode meta = Http.MAPPER.readTree(r.body()).get("result");
    String id = meta.get("sys_id").asText();
    assertThat(r.headers().firstValue("Location")).hasValue(sn.baseUrl() + "/api/now/attachment/" + id);
    assertThat(meta.fieldNames()).toIterable().containsExactly("table_sys_id", "size_bytes", "download_link",
        "sys_updated_on", "sys_id", "image_height", "sys_created_on", "file_name", "sys_created_by", "compressed",
        "average_image_color", "sys_updated_by", "sys_tags", "table_name", "image_width", "sys_mod_count",
        "content_type", "size_compressed", "created_by_name", "updated_by_name");
    assertThat(meta.get("size_bytes").asText()).isEqualTo("5");
    assertThat(meta.get("table_name").asText()).isEqualTo("incident");
    assertThat(meta.get("table_sys_id").asText()).isEqualTo(incident);
    assertThat(meta.get("content_type").asText()).isEqualTo("text/plain");
    assertThat(meta.get("created_by_name").asText()).isEqualTo("System Administrator");
    assertThat(meta.get("download_link").asText()).isEqualTo(sn.baseUrl() + "/api/now/attachment/" + id + "/file");

    HttpResponse<byte[]> file = send("GET", "/api/now/attachment/" + id + "/file", null, null);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(file.headers().firstValue("Content-Type")).hasValue("text/plain");
    JsonNode header = Http.MAPPER.readTree(file.headers().firstValue("X-Attachment-Metadata").orElseThrow());
    assertThat(header.get("file_name").asText()).isEqualTo("report.txt");
    assertThat(header.get("sys_id").asText()).isEqualTo(id);

    assertThat(http.get("/api/now/attachment/" + id).result().get("file_name").asText()).isEqualTo("report.txt");
    assertThat(http.get("/api/now/table/sys_attachment/" + id).result().get("table_sys_id").asText())
        .isEqualTo(incident);
  }

  @Test
  void multipartUploadKeepsBinaryContent() throws Exception {
    byte[] data = new byte[256];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    String boundary = "----emulatorBoundary42";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"table_name\"\r\n\r\nincident\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"table_sys_id\"\r\n\r\n" + incident + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"uploadFile\"; filename=\"bytes.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(data);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> r = send("POST", "/api/now/attachment/upload", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    JsonNode meta = Http.MAPPER.readTree(r.body()).get("result");
    assertThat(meta.get("file_name").asText()).isEqualTo("bytes.bin");
    assertThat(meta.get("size_bytes").asText()).isEqualTo("256");
    HttpResponse<byte[]> file = send("GET", "/api/now/attachment/" + meta.get("sys_id").asText() + "/file", null, null);
    assertThat(file.body()).isEqualTo(data);
    assertThat(sn.emulator().attachmentContent(meta.get("sys_id").asText())).hasValue(data);

    HttpResponse<byte[]> noFile = send("POST", "/api/now/attachment/upload", "multipart/form-data; boundary=x",
        "--x\r\nContent-Disposition: form-data; name=\"table_name\"\r\n\r\nincident\r\n--x--\r\n".getBytes());
    assertThat(noFile.statusCode()).isEqualTo(400);
  }

  @Test
  void listFilterAndDelete() throws Exception {
    String a = upload("a.txt", "text/plain", "a".getBytes()).get("sys_id").asText();
    upload("b.log", "text/plain", "bb".getBytes());
    String other = sn.emulator().records().insert("incident", Map.of()).get("sys_id");
    send("POST", "/api/now/attachment/file?table_name=incident&table_sys_id=" + other + "&file_name=c.txt",
        "text/plain", "c".getBytes());

    Http.Response list = http.get("/api/now/attachment?sysparm_query=" + Http.q("table_name=incident^table_sys_id="
        + incident));
    assertThat(list.result()).hasSize(2);
    assertThat(list.header("X-Total-Count")).isEqualTo("2");
    assertThat(http.get("/api/now/attachment?sysparm_query=" + Http.q("file_nameENDSWITH.txt")).result()).hasSize(2);
    assertThat(http.get("/api/now/attachment?sysparm_limit=1").result()).hasSize(1);

    assertThat(http.delete("/api/now/attachment/" + a).status()).isEqualTo(204);
    assertThat(http.get("/api/now/attachment/" + a).status()).isEqualTo(404);
    assertThat(send("GET", "/api/now/attachment/" + a + "/file", null, null).statusCode()).isEqualTo(404);
    assertThat(http.delete("/api/now/attachment/" + a).status()).isEqualTo(404);
  }

  @Test
  void uploadErrors() throws Exception {
    assertThat(send("POST", "/api/now/attachment/file?table_name=incident&file_name=x.txt", "text/plain",
        "x".getBytes()).statusCode()).isEqualTo(400);
    HttpResponse<byte[]> missingRecord = send("POST", "/api/now/attachment/file?table_name=incident&table_sys_id="
        + "00000000000000000000000000000000&file_name=x.txt", "text/plain", "x".getBytes());
    assertThat(missingRecord.statusCode()).isEqualTo(404);
    HttpResponse<byte[]> badTable = send("POST", "/api/now/attachment/file?table_name=nope&table_sys_id=" + incident
        + "&file_name=x.txt", "text/plain", "x".getBytes());
    assertThat(new String(badTable.body())).isEqualTo(ErrorEnvelopeTest.envelope("Invalid table nope", null));
    // write rights on the target record are required
    Http.Response readerUpload = new Http(sn.baseUrl()).basic("reader", "pw").send("POST",
        "/api/now/attachment/file?table_name=incident&table_sys_id=" + incident + "&file_name=x.txt", "x",
        "text/plain");
    assertThat(readerUpload.status()).isEqualTo(403);
  }

  @Test
  void sizeAndExtensionLimits() throws Exception {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().attachmentLimits(10, "txt", "pdf").start()) {
      String id = e.records().insert("incident", Map.of()).get("sys_id");
      Http h = new Http(e.baseUrl());
      String base = "/api/now/attachment/file?table_name=incident&table_sys_id=" + id + "&file_name=";
      assertThat(h.send("POST", base + "ok.txt", "0123456789", "text/plain").status()).isEqualTo(201);
      assertThat(h.send("POST", base + "big.txt", "0123456789A", "text/plain").status()).isEqualTo(400);
      assertThat(h.send("POST", base + "run.exe", "x", "application/octet-stream").status()).isEqualTo(400);
    }
  }
}

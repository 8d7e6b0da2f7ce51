package com.acme.servicenow.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.harness.JobOutcome;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Count, aggregate and the attachment operations through the template and the real runtime. */
class TableAttachmentAndAggregateTest extends TableConnectorTestSupport {

  @Test
  void countCountsTheMatchingRecords() {
    String m = marker();
    for (int i = 0; i < 3; i++) {
      insertIncident(m + " " + i);
    }

    Map<String, Object> result =
        result(run(task("count")
            .set("operation.countConditions", "=[{field: \"short_description\", operator: \"contains\", value: \"" + m + "\"}]")));

    assertThat(result).isEqualTo(Map.of("count", 3L));
    RecordedRequest request = emulator().journal().last();
    assertThat(request.path()).isEqualTo("/api/now/stats/incident");
    assertThat(URLDecoder.decode(request.rawQuery(), StandardCharsets.UTF_8))
        .contains("sysparm_query=short_descriptionLIKE" + m)
        .contains("sysparm_count=true");
  }

  @Test
  void aggregateGroupsAndSums() {
    String m = marker();
    emulator().records().insert("incident", Map.of("short_description", m, "urgency", "1", "reassignment_count", "2"));
    emulator().records().insert("incident", Map.of("short_description", m, "urgency", "1", "reassignment_count", "3"));
    emulator().records().insert("incident", Map.of("short_description", m, "urgency", "3", "reassignment_count", "7"));

    Map<String, Object> result =
        result(run(task("aggregate")
            .set("operation.aggregateConditions", "=[{field: \"short_description\", value: \"" + m + "\"}]")
            .set("operation.aggregateGroupBy", "urgency")
            .set("operation.aggregateSumFields", "reassignment_count")
            .set("operation.aggregateMaxFields", "reassignment_count")));

    List<Map<String, Object>> groups = list(result.get("groups"));
    assertThat(groups).hasSize(2);
    Map<String, Object> urgent =
        groups.stream().filter(g -> map(g.get("groupBy")).get("urgency").equals("1")).findFirst().orElseThrow();
    assertThat(urgent).containsEntry("count", 2L);
    assertThat(Double.parseDouble((String) map(urgent.get("sum")).get("reassignment_count"))).isEqualTo(5.0);
    assertThat(Double.parseDouble((String) map(urgent.get("max")).get("reassignment_count"))).isEqualTo(3.0);
  }

  @Test
  void attachmentRoundTripFromDocumentToServiceNowAndBack() throws Exception {
    String recordSysId = insertIncident("with attachment");
    byte[] content = "line 1\nline 2 – ünïcödé\n".getBytes(StandardCharsets.UTF_8);
    Document upload =
        RUNTIME.documentFactory()
            .create(DocumentCreationRequest.from(content).fileName("report.txt").contentType("text/plain").build());
    Object reference = RUNTIME.objectMapper().convertValue(upload, Object.class);

    // upload: the document arrives as a process variable, as a form upload or another connector would leave it
    Map<String, Object> uploaded =
        result(run(task("attachmentUpload")
            .set("operation.attachmentUploadSysId", recordSysId)
            .set("operation.attachmentUploadDocument", "=doc")
            .processVariable("doc", reference)));
    String attachmentSysId = (String) uploaded.get("sysId");
    assertThat(attachmentSysId).matches("[0-9a-f]{32}");
    assertThat(uploaded)
        .containsEntry("fileName", "report.txt")
        .containsEntry("contentType", "text/plain")
        .containsEntry("sizeBytes", (long) content.length)
        .containsEntry("tableName", "incident")
        .containsEntry("tableSysId", recordSysId);
    RecordedRequest post = emulator().journal().last();
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/api/now/attachment/file");
    assertThat(post.header("Content-Type")).startsWith("text/plain");

    // list
    Map<String, Object> listed = result(run(task("attachmentList").set("operation.attachmentListSysId", recordSysId)));
    assertThat(listed).containsEntry("count", 1);
    assertThat(list(listed.get("attachments"))).singleElement()
        .satisfies(a -> assertThat(a).containsEntry("sysId", attachmentSysId).containsEntry("fileName", "report.txt"));

    // download into a new Camunda document
    JobOutcome downloaded =
        run(task("attachmentDownload")
            .set("operation.attachmentDownloadSysId", attachmentSysId)
            .set("resultExpression", "={downloaded: response.document}"));
    Map<String, Object> variables = downloaded.asCompleted().variables();
    Map<String, Object> result = map(variables.get("result"));
    assertThat(map(result.get("attachment"))).containsEntry("sysId", attachmentSysId).containsEntry("fileName", "report.txt");
    // the runtime hands the Document object to the client, which sends its JSON reference to the engine
    Map<String, Object> documentReference = asJson(result.get("document"));
    assertThat(documentReference).containsEntry("camunda.document.type", "camunda");
    assertThat(map(documentReference.get("metadata"))).containsEntry("fileName", "report.txt");
    assertThat(asJson(variables.get("downloaded"))).isEqualTo(documentReference);
    Document document = RUNTIME.objectMapper().convertValue(documentReference, Document.class);
    assertThat(document.asByteArray()).isEqualTo(content);

    // delete
    Map<String, Object> deleted =
        result(run(task("attachmentDelete").set("operation.attachmentDeleteSysId", attachmentSysId)));
    assertThat(deleted).isEqualTo(Map.of("sysId", attachmentSysId, "deleted", true));
    assertThat(result(run(task("attachmentList").set("operation.attachmentListSysId", recordSysId))))
        .containsEntry("count", 0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asJson(Object value) {
    try {
      return RUNTIME.objectMapper().readValue(RUNTIME.objectMapper().writeValueAsString(value), Map.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void uploadToAMissingRecordIsNotFoundAndANonDocumentIsRejectedWithoutARequest() {
    Document doc =
        RUNTIME.documentFactory().create(DocumentCreationRequest.from(new byte[] {1, 2, 3}).fileName("a.bin").build());
    JobOutcome.Failed missing =
        run(task("attachmentUpload")
            .set("operation.attachmentUploadSysId", "0123456789abcdef0123456789abcdef")
            .set("operation.attachmentUploadDocument", "=doc")
            .processVariable("doc", RUNTIME.objectMapper().convertValue(doc, Object.class)))
            .asFailed();
    assertThat(map(missing.variables().get("error"))).containsEntry("code", "SERVICENOW_NOT_FOUND");

    emulator().journal().clear();
    JobOutcome.Failed notADocument =
        run(task("attachmentUpload")
            .set("operation.attachmentUploadSysId", insertIncident("x"))
            .set("operation.attachmentUploadDocument", "=\"just a string\""))
            .asFailed();
    assertThat(notADocument.retries()).isZero();
    assertThat(emulator().journal().all()).isEmpty();
  }
}

package com.acme.servicenow.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.aggregate.AggregateRequest;
import com.acme.servicenow.client.aggregate.AggregateResult;
import com.acme.servicenow.client.attachment.AttachmentMeta;
import com.acme.servicenow.client.attachment.Download;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.DisplayValue;
import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Aggregate and Attachment APIs against the emulator. */
class EmulatorAggregateAttachmentTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension ext = ServiceNowEmulatorExtension.create(b -> b.seed("demo"));

  final EmulatorSupport s = new EmulatorSupport();
  ServiceNowClient c;

  @BeforeEach
  void open() {
    c = s.client(ext.emulator(), Auth.basic("admin", "admin"));
  }

  @AfterEach
  void close() {
    c.close();
  }

  @Test
  void countMatchesTheData() {
    int all = ext.emulator().records().count("incident");
    assertThat(c.aggregate().count("incident", QuerySpec.all())).isEqualTo(all);
    long p1 = ext.emulator().records().find("incident", "priority=1").size();
    assertThat(c.aggregate().count("incident", QuerySpec.where(Condition.eq("priority", "1")))).isEqualTo(p1);
  }

  @Test
  void groupedCountsAddUpWithDisplayValues() {
    AggregateResult r = c.aggregate().aggregate("incident", QuerySpec.all(),
        new AggregateRequest(true, List.of("priority"), null, List.of("reassignment_count"), null,
            List.of("reassignment_count"), DisplayValue.ALL));
    assertThat(r.groups()).isNotEmpty();
    long total = r.groups().stream().mapToLong(AggregateResult.Group::count).sum();
    assertThat(total).isEqualTo(ext.emulator().records().count("incident"));
    AggregateResult.Group g = r.groups().stream().filter(x -> "1".equals(x.groupBy().get("priority"))).findFirst().orElseThrow();
    assertThat(g.groupByDisplay().get("priority")).isEqualTo("1 - Critical");
    assertThat(g.aggregates().get("avg")).containsKey("reassignment_count");
    assertThat(g.aggregates().get("max")).containsKey("reassignment_count");
  }

  @Test
  void aggregateOnUnknownTableIsBadRequest() {
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class,
        () -> c.aggregate().count("no_such_table", null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_BAD_REQUEST);
    assertThat(e.serviceNowMessage()).isEqualTo("Invalid table no_such_table");
  }

  @Test
  void uploadListDownloadDeleteRoundTripStreamsBinaryContent() throws Exception {
    String incident = ext.emulator().records().list("incident").get(0).get("sys_id");
    byte[] data = new byte[300_000];
    new Random(42).nextBytes(data);
    AttachmentMeta up = c.attachments().upload("incident", incident, "dump 1.bin", "application/octet-stream",
        new ByteArrayInputStream(data), data.length);
    assertThat(up.sizeBytes()).isEqualTo(data.length);
    assertThat(up.tableSysId()).isEqualTo(incident);
    assertThat(up.fileName()).isEqualTo("dump 1.bin");

    List<AttachmentMeta> list = c.attachments().list("incident", incident);
    assertThat(list).extracting(AttachmentMeta::sysId).contains(up.sysId());
    assertThat(c.attachments().get(up.sysId())).isPresent();

    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Download d = c.attachments().download(up.sysId()); InputStream in = d.content()) {
      assertThat(d.meta().fileName()).isEqualTo("dump 1.bin");
      assertThat(d.meta().sizeBytes()).isEqualTo(data.length);
      byte[] buf = new byte[8192];
      long n = 0;
      for (int r; (r = in.read(buf)) > 0; ) {
        sha.update(buf, 0, r);
        n += r;
      }
      assertThat(n).isEqualTo(data.length);
    }
    assertThat(HexFormat.of().formatHex(sha.digest()))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));

    c.attachments().delete(up.sysId());
    assertThat(c.attachments().get(up.sysId())).isEmpty();
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class, () -> c.attachments().delete(up.sysId()));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_NOT_FOUND);
  }

  @Test
  void uploadToMissingRecordIsNotFoundAndNotRetried() {
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class, () -> c.attachments().upload("incident",
        "0123456789abcdef0123456789abcdef", "a.txt", "text/plain", new ByteArrayInputStream(new byte[] {1}), 1));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_NOT_FOUND);
    assertThat(ext.emulator().journal().count("POST", "/api/now/attachment")).isEqualTo(1);
  }

  @Test
  void uploadIsNotRetriedOn503ButDownloadIs() {
    String incident = ext.emulator().records().list("incident").get(0).get("sys_id");
    ext.emulator().faults().add(FaultRule.on("POST", "/api/now/attachment/file").times(1).serverError(503));
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class, () -> c.attachments().upload("incident",
        incident, "a.txt", "text/plain", new ByteArrayInputStream("x".getBytes()), 1));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_SERVER_ERROR);
    assertThat(ext.emulator().journal().count("POST", "/api/now/attachment/file")).isEqualTo(1);

    AttachmentMeta up = c.attachments().upload("incident", incident, "b.txt", "text/plain",
        new ByteArrayInputStream("hello".getBytes()), 5);
    ext.emulator().faults().add(FaultRule.on("GET", "/api/now/attachment/" + up.sysId() + "/file").times(1)
        .rateLimited(Duration.ofSeconds(1)));
    try (Download d = c.attachments().download(up.sysId())) {
      assertThat(new String(d.content().readAllBytes())).isEqualTo("hello");
    } catch (java.io.IOException ex) {
      throw new AssertionError(ex);
    }
    assertThat(s.sleeper.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void listByQuery() {
    String incident = ext.emulator().records().list("incident").get(1).get("sys_id");
    c.attachments().upload("incident", incident, "report.pdf", "application/pdf", new ByteArrayInputStream(new byte[10]), 10);
    List<AttachmentMeta> pdfs = c.attachments().list(QuerySpec.where(Condition.eq("content_type", "application/pdf"),
        Condition.eq("table_sys_id", incident)), 100, 0);
    assertThat(pdfs).extracting(AttachmentMeta::fileName).containsExactly("report.pdf");
  }
}

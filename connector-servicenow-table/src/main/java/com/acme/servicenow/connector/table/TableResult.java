package com.acme.servicenow.connector.table;

import com.acme.servicenow.client.attachment.AttachmentMeta;
import io.camunda.connector.api.document.Document;
import java.util.List;
import java.util.Map;

/**
 * What an operation returns; the runtime stores it in the result variable and result expressions see
 * it as {@code response}. Record values keep ServiceNow's shapes (strings; reference objects depending
 * on the display-value options).
 */
public sealed interface TableResult {

  /** create, get, update, replace: the record as ServiceNow returned it. */
  record SingleRecord(String sysId, Map<String, Object> record) implements TableResult {}

  /** upsert: like {@link SingleRecord}, plus whether it was {@code created} or {@code updated}. */
  record UpsertedRecord(String sysId, String action, Map<String, Object> record) implements TableResult {}

  /**
   * query: one page. {@code totalCount} is all matching records (X-Total-Count); read the next page with
   * {@code offset = nextOffset} while {@code hasMore}.
   */
  record RecordPage(List<Map<String, Object>> records, Long totalCount, Integer nextOffset, boolean hasMore)
      implements TableResult {}

  /** queryAll: every matching record the caller may read. */
  record AllRecords(List<Map<String, Object>> records, int count, Long totalCount, int pages)
      implements TableResult {}

  /** delete and attachmentDelete. */
  record Deleted(String sysId, boolean deleted) implements TableResult {}

  /** count. */
  record RecordCount(long count) implements TableResult {}

  /** aggregate: one group without group-by, one per combination otherwise. */
  record Aggregates(List<Group> groups) implements TableResult {
    /**
     * @param groupBy field → raw value of this group (empty without group-by)
     * @param groupByDisplay field → display value, when requested
     * @param count records in the group
     * @param sum field → sum (strings, as ServiceNow sends them), likewise avg, min, max
     */
    public record Group(
        Map<String, String> groupBy,
        Map<String, String> groupByDisplay,
        Long count,
        Map<String, String> sum,
        Map<String, String> avg,
        Map<String, String> min,
        Map<String, String> max) {}
  }

  /** Attachment metadata (attachmentUpload returns it directly). */
  record Attachment(
      String sysId,
      String fileName,
      String contentType,
      Long sizeBytes,
      String tableName,
      String tableSysId,
      String downloadLink,
      String createdOn,
      String createdBy)
      implements TableResult {

    static Attachment of(AttachmentMeta m) {
      return new Attachment(m.sysId(), m.fileName(), m.contentType(), m.sizeBytes() < 0 ? null : m.sizeBytes(),
          m.tableName(), m.tableSysId(), m.downloadLink(), m.createdOn(), m.createdBy());
    }
  }

  /** attachmentList. */
  record Attachments(List<Attachment> attachments, int count) implements TableResult {}

  /** attachmentDownload: a Camunda document with the file, plus its ServiceNow metadata. */
  record DownloadedAttachment(Document document, Attachment attachment) implements TableResult {}
}

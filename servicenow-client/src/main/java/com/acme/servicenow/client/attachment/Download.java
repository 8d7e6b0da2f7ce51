package com.acme.servicenow.client.attachment;

import com.acme.servicenow.client.http.Transport;
import java.io.InputStream;

/**
 * A streamed attachment download; close it (try-with-resources) to release the connection.
 */
public final class Download implements AutoCloseable {

  private final AttachmentMeta meta;
  private final String contentType;
  private final long contentLength;
  private final InputStream content;
  private final Transport.OpenResponse response;

  Download(AttachmentMeta meta, String contentType, long contentLength, InputStream content, Transport.OpenResponse response) {
    this.meta = meta;
    this.contentType = contentType;
    this.contentLength = contentLength;
    this.content = content;
    this.response = response;
  }

  /** Metadata from the {@code X-Attachment-Metadata} header (fields may be null if it was absent). */
  public AttachmentMeta meta() {
    return meta;
  }

  public String contentType() {
    return contentType;
  }

  /** Content length in bytes, or -1 when unknown (chunked). */
  public long contentLength() {
    return contentLength;
  }

  /** The file's bytes, streamed from the server. */
  public InputStream content() {
    return content;
  }

  @Override
  public void close() {
    response.close();
  }
}

package com.acme.servicenow.client.http;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Wraps a response body: keeps the last few KB read (so a cut-off body can be recognised by the
 * "Transaction cancelled" text ServiceNow appends, reference A4.2) and enforces a byte limit so memory
 * stays bounded whatever the server sends.
 */
final class BodyStream extends FilterInputStream {

  private static final int TAIL = 8192;
  private final byte[] tail = new byte[TAIL];
  private long count;
  private final long limit;

  BodyStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  long count() {
    return count;
  }

  String tailText() {
    int n = (int) Math.min(count, TAIL);
    byte[] out = new byte[n];
    int start = (int) ((count - n) % TAIL);
    for (int i = 0; i < n; i++) {
      out[i] = tail[(start + i) % TAIL];
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private void record(byte[] b, int off, int len) throws IOException {
    for (int i = 0; i < len; i++) {
      tail[(int) ((count + i) % TAIL)] = b[off + i];
    }
    count += len;
    if (count > limit) {
      throw new LimitExceeded(limit);
    }
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      record(new byte[] {(byte) c}, 0, 1);
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      record(b, off, n);
    }
    return n;
  }

  /** The byte limit was exceeded. */
  static final class LimitExceeded extends IOException {
    final long limit;

    LimitExceeded(long limit) {
      super("response body larger than " + limit + " bytes");
      this.limit = limit;
    }

    ServiceNowException toException() {
      return new ServiceNowException(
          ErrorCode.SERVICENOW_RESULT_TOO_LARGE,
          "The ServiceNow response is larger than the allowed " + limit + " bytes",
          false,
          null);
    }
  }
}

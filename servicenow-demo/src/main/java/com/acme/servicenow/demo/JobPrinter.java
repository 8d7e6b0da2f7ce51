package com.acme.servicenow.demo;

import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints a job's input and the runtime's answer, with every secret masked. */
final class JobPrinter {

  /** Nested maps longer than this are shortened in {@link #outcome} when abridged. */
  private static final int ABRIDGE_AFTER = 8;

  private final PrintStream out;
  private final Secrets secrets;
  private final boolean abridged;

  /** {@code abridged}: long nested maps (a record's 60 fields) are cut short, for the narrated demo. */
  JobPrinter(PrintStream out, Secrets secrets, boolean abridged) {
    this.out = out;
    this.secrets = secrets;
    this.abridged = abridged;
  }

  void input(JobRequest job) {
    out.println("  job type: " + job.type() + "   retries: " + job.retries());
    if (!job.headers().isEmpty()) {
      out.println("  task headers:");
      job.headers().forEach((k, v) -> out.println("    " + k + " = " + secrets.mask(v)));
    }
    out.println("  input (job variables):");
    out.println(indent(Json.pretty(secrets.maskInput(job.variables()))));
  }

  void outcome(JobOutcome outcome) {
    switch (outcome) {
      case JobOutcome.Completed c -> {
        out.println("  => completed; variables for the process"
            + (abridged ? " (long records abridged)" : "") + ":");
        out.println(indent(secrets.mask(Json.pretty(abridged ? abridge(c.variables(), 0) : c.variables()))));
      }
      case JobOutcome.Failed f -> {
        out.println("  => failed; retries left " + f.retries()
            + (f.retryBackoff() == null ? "" : ", backoff " + f.retryBackoff())
            + (f.retries() == 0 ? " (an incident in Operate)" : ""));
        out.println("     message: " + secrets.mask(f.errorMessage()));
        if (!f.variables().isEmpty()) {
          out.println(indent(secrets.mask(Json.pretty(f.variables()))));
        }
      }
      case JobOutcome.BpmnError e -> {
        Map<String, Object> shown = new LinkedHashMap<>(e.variables());
        out.println("  => BPMN error " + e.errorCode() + ": " + secrets.mask(e.errorMessage()));
        if (!shown.isEmpty()) {
          out.println(indent(secrets.mask(Json.pretty(shown))));
        }
      }
    }
  }

  /** Keeps the first entries of long nested maps and says how many were left out. */
  static Object abridge(Object value, int depth) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      int shown = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (depth > 0 && shown == ABRIDGE_AFTER) {
          copy.put("...", "(" + (map.size() - ABRIDGE_AFTER) + " more fields)");
          break;
        }
        copy.put(String.valueOf(e.getKey()), abridge(e.getValue(), depth + 1));
        shown++;
      }
      return copy;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(v -> abridge(v, depth + 1)).toList();
    }
    return value;
  }

  static String indent(String text) {
    return text.lines().map(l -> "    " + l).reduce((a, b) -> a + System.lineSeparator() + b).orElse("");
  }
}

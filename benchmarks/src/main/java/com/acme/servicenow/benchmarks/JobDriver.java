package com.acme.servicenow.benchmarks;

import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.jobhandling.DefaultCommandExceptionHandlingStrategy;
import io.camunda.client.metrics.DefaultNoopMetricsRecorder;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import io.camunda.connector.runtime.metrics.ConnectorsOutboundMetrics;
import io.camunda.connector.runtime.outbound.job.SpringConnectorJobHandler;
import io.camunda.connector.validation.impl.DefaultValidationProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a connector function through the connector runtime's real {@link SpringConnectorJobHandler}
 * (object mapper, secret replacement, validation, result/error expressions, fail/complete command
 * building), exactly as {@link ConnectorRuntimeHarness} does, but with a plain {@link ActivatedJob}
 * and a {@link Proxy}-based job client instead of Mockito mocks.
 *
 * <p>Why not the harness itself in the timed loop: it creates several Mockito mocks per job, which
 * costs tens of microseconds and tens of kilobytes per job — far more than the connector's own work
 * at 0 ms latency — and would flatten every ratio towards 1. The engine side is not what we measure.
 * {@code JobDriverTest} checks that this driver and the harness report the same outcomes.
 */
public final class JobDriver {

  private static final AtomicLong JOB_KEYS = new AtomicLong(2251799813700000L);
  private static final ScheduledExecutorService COMMAND_RETRIES =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "driver-command-retries");
            t.setDaemon(true);
            return t;
          });

  private final SpringConnectorJobHandler handler;
  private final ObjectMapper mapper;

  public JobDriver(OutboundConnectorFunction function, Map<String, String> secrets) {
    DocumentFactory documents = new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE);
    this.mapper = ConnectorRuntimeHarness.runtimeObjectMapper(documents);
    Map<String, String> copy = Map.copyOf(secrets);
    SecretProvider provider =
        new SecretProvider() {
          @Override
          public String getSecret(String name, SecretContext context) {
            return copy.get(name);
          }
        };
    this.handler =
        new SpringConnectorJobHandler(
            new ConnectorsOutboundMetrics(new SimpleMeterRegistry()),
            new DefaultCommandExceptionHandlingStrategy(
                BackoffSupplier.newBackoffBuilder().build(), COMMAND_RETRIES),
            new SecretProviderAggregator(List.of(provider)),
            new DefaultValidationProvider(),
            documents,
            mapper,
            function,
            new DefaultNoopMetricsRecorder());
  }

  /** A job template: variables are serialised once, as the engine hands them over as JSON. */
  public Job job(Map<String, ?> variables, Map<String, String> headers, int retries) {
    try {
      return new Job(mapper.writeValueAsString(variables), Map.copyOf(headers), retries);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("variables are not serialisable", e);
    }
  }

  /** Handles one activation of {@code job} on the calling thread. */
  public Outcome run(Job job) {
    return run(job, 2251799813685249L, JOB_KEYS.incrementAndGet());
  }

  /** Handles one activation with the given process and element instance keys (idempotency scope). */
  public Outcome run(Job job, long processInstanceKey, long elementInstanceKey) {
    Recorder recorder = new Recorder();
    JobClient client =
        (JobClient) Proxy.newProxyInstance(JobClient.class.getClassLoader(), new Class<?>[] {JobClient.class}, recorder);
    handler.handle(client, new Activated(job, processInstanceKey, elementInstanceKey, mapper));
    return recorder.outcome();
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Job variables (JSON), task headers and remaining retries. */
  public record Job(String variablesJson, Map<String, String> headers, int retries) {}

  /**
   * What the runtime told the engine: {@code command} is {@code complete}, {@code fail} or {@code
   * throwError}; for fail, the retries, message and backoff it asked for.
   */
  public record Outcome(
      String command, Object variables, Integer retries, String errorMessage, Duration backoff, String errorCode) {
    public boolean completed() {
      return "complete".equals(command);
    }
  }

  /** Records the fluent command chain the runtime builds on the job client. */
  private static final class Recorder implements InvocationHandler {
    private volatile String command;
    private Object variables;
    private Integer retries;
    private String errorMessage;
    private Duration backoff;
    private String errorCode;
    private volatile boolean sent;

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
      String name = method.getName();
      switch (name) {
        case "toString" -> {
          return "JobClient(recording)";
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "newCompleteCommand" -> command = "complete";
        case "newFailCommand" -> command = "fail";
        case "newThrowErrorCommand" -> command = "throwError";
        case "send" -> sent = true;
        default -> {
          if (args != null && args.length == 1) {
            switch (name) {
              case "variables" -> variables = args[0];
              case "retries" -> retries = (Integer) args[0];
              case "errorMessage" -> errorMessage = (String) args[0];
              case "retryBackoff" -> backoff = (Duration) args[0];
              case "errorCode" -> errorCode = (String) args[0];
              default -> {}
            }
          }
        }
      }
      Class<?> type = method.getReturnType();
      if (type.isInterface()) {
        return type.isInstance(proxy)
            ? proxy
            : Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, this);
      }
      if (type == boolean.class) {
        return false;
      }
      if (type == int.class || type == long.class || type == short.class || type == byte.class) {
        return type == long.class ? 0L : type == int.class ? 0 : type == short.class ? (short) 0 : (byte) 0;
      }
      return null;
    }

    Outcome outcome() {
      if (!sent || command == null) {
        throw new IllegalStateException("the runtime sent no command for the job");
      }
      return new Outcome(command, variables, retries, errorMessage, backoff, errorCode);
    }
  }

  /** The activated job as the engine would hand it out. */
  private static final class Activated implements ActivatedJob {
    private final Job job;
    private final long processInstanceKey;
    private final long elementInstanceKey;
    private final long key;
    private final ObjectMapper mapper;

    Activated(Job job, long processInstanceKey, long elementInstanceKey, ObjectMapper mapper) {
      this.job = job;
      this.processInstanceKey = processInstanceKey;
      this.elementInstanceKey = elementInstanceKey;
      this.key = JOB_KEYS.incrementAndGet();
      this.mapper = mapper;
    }

    @Override public long getKey() { return key; }
    @Override public String getType() { return "benchmark"; }
    @Override public long getProcessInstanceKey() { return processInstanceKey; }
    @Override public String getBpmnProcessId() { return "benchmark-process"; }
    @Override public int getProcessDefinitionVersion() { return 1; }
    @Override public long getProcessDefinitionKey() { return 2251799813685248L; }
    @Override public String getElementId() { return "ServiceTask_1"; }
    @Override public long getElementInstanceKey() { return elementInstanceKey; }
    @Override public Map<String, String> getCustomHeaders() { return job.headers(); }
    @Override public String getWorker() { return "benchmark-worker"; }
    @Override public int getRetries() { return job.retries(); }
    @Override public long getDeadline() { return System.currentTimeMillis() + 300_000; }
    @Override public String getVariables() { return job.variablesJson(); }

    @Override
    public Map<String, Object> getVariablesAsMap() {
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = mapper.readValue(job.variablesJson(), LinkedHashMap.class);
        return m;
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public <T> T getVariablesAsType(Class<T> type) {
      try {
        return mapper.readValue(job.variablesJson(), type);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override public Object getVariable(String name) { return getVariablesAsMap().get(name); }
    @Override public UserTaskProperties getUserTask() { return null; }
    @Override public JobKind getKind() { return JobKind.BPMN_ELEMENT; }
    @Override public ListenerEventType getListenerEventType() { return ListenerEventType.UNSPECIFIED; }
    @Override public String toJson() { return "{\"key\":" + key + "}"; }
    @Override public String getTenantId() { return "<default>"; }
    @Override public List<DocumentReferenceResponse> getDocumentReferences(String name) { return List.of(); }
    @Override public Set<String> getTags() { return Collections.emptySet(); }
  }
}

package com.acme.servicenow.harness;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.jobhandling.DefaultCommandExceptionHandlingStrategy;
import io.camunda.client.metrics.DefaultNoopMetricsRecorder;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.connector.document.jackson.JacksonModuleDocumentDeserializer;
import io.camunda.connector.document.jackson.JacksonModuleDocumentSerializer;
import io.camunda.connector.feel.jackson.JacksonModuleFeelFunction;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import io.camunda.connector.runtime.core.intrinsic.DefaultIntrinsicFunctionExecutor;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import io.camunda.connector.runtime.metrics.ConnectorsOutboundMetrics;
import io.camunda.connector.runtime.outbound.job.SpringConnectorJobHandler;
import io.camunda.connector.validation.impl.DefaultValidationProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an {@link OutboundConnectorFunction} exactly as the 8.8 connector runtime does — through the
 * real {@link SpringConnectorJobHandler} with the runtime's object mapper, secret replacement,
 * Jakarta validation, document support, result and error expressions — against a mocked job and job
 * client, and reports the command the runtime sent back to the engine.
 *
 * <p>This replaces the Zeebe engine in our tests; the engine's own part (input mappings) is done by
 * {@link ElementTemplateInvocation}.
 */
public final class ConnectorRuntimeHarness {

  private static final AtomicLong JOB_KEYS = new AtomicLong(4503599627370496L);
  private static final ScheduledExecutorService COMMAND_RETRY_EXECUTOR =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "harness-command-retries");
            t.setDaemon(true);
            return t;
          });

  private static final ObjectMapper PLAIN_JSON = new ObjectMapper();

  private final ObjectMapper mapper;
  private final DocumentFactory documentFactory;
  private final SpringConnectorJobHandler handler;

  private ConnectorRuntimeHarness(OutboundConnectorFunction function, Map<String, String> secrets) {
    this.documentFactory = new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE);
    this.mapper = runtimeObjectMapper(documentFactory);
    SecretProvider secretProvider =
        new SecretProvider() {
          @Override
          public String getSecret(String name, SecretContext context) {
            return secrets.get(name);
          }
        };
    this.handler =
        new SpringConnectorJobHandler(
            new ConnectorsOutboundMetrics(new SimpleMeterRegistry()),
            new DefaultCommandExceptionHandlingStrategy(
                BackoffSupplier.newBackoffBuilder().build(), COMMAND_RETRY_EXECUTOR),
            new SecretProviderAggregator(List.of(secretProvider)),
            new DefaultValidationProvider(),
            documentFactory,
            mapper,
            function,
            new DefaultNoopMetricsRecorder());
  }

  /** The object mapper the 8.8.7 runtime builds for outbound connectors. */
  public static ObjectMapper runtimeObjectMapper(DocumentFactory documentFactory) {
    ObjectMapper mapper = ConnectorsObjectMapperSupplier.getCopy();
    mapper.registerModules(
        new JacksonModuleDocumentDeserializer(
            documentFactory,
            new DefaultIntrinsicFunctionExecutor(mapper),
            JacksonModuleDocumentDeserializer.DocumentModuleSettings.create()),
        // @FEEL processing is off for outbound connectors since 8.8.7 (camunda/connectors#6210)
        new JacksonModuleFeelFunction(false),
        new JacksonModuleDocumentSerializer());
    return mapper;
  }

  public static Builder forFunction(OutboundConnectorFunction function) {
    return new Builder(function);
  }

  /** Documents created here are visible to the connector (same in-memory store as the runtime's). */
  public DocumentFactory documentFactory() {
    return documentFactory;
  }

  public ObjectMapper objectMapper() {
    return mapper;
  }

  /** Handles one job and returns what the runtime sent to the engine. */
  public JobOutcome run(JobRequest request) {
    String variablesJson;
    try {
      variablesJson = mapper.writeValueAsString(request.variables());
    } catch (Exception e) {
      throw new IllegalArgumentException("Job variables are not serialisable: " + e.getMessage(), e);
    }
    ActivatedJob job = mock(ActivatedJob.class, withSettings().stubOnly());
    long key = JOB_KEYS.incrementAndGet();
    when(job.getKey()).thenReturn(key);
    when(job.getVariables()).thenReturn(variablesJson);
    when(job.getVariablesAsMap()).thenReturn(new LinkedHashMap<>(request.variables()));
    when(job.getCustomHeaders()).thenReturn(new LinkedHashMap<>(request.headers()));
    when(job.getRetries()).thenReturn(request.retries());
    when(job.getType()).thenReturn(request.type());
    when(job.getBpmnProcessId()).thenReturn(request.bpmnProcessId());
    when(job.getElementId()).thenReturn(request.elementId());
    when(job.getProcessInstanceKey()).thenReturn(request.processInstanceKey());
    when(job.getElementInstanceKey()).thenReturn(request.elementInstanceKey());
    when(job.getProcessDefinitionKey()).thenReturn(2251799813685248L);
    when(job.getProcessDefinitionVersion()).thenReturn(1);
    when(job.getTenantId()).thenReturn("<default>");

    CommandRecorder recorder = new CommandRecorder();
    JobClient client = mock(JobClient.class, withSettings().defaultAnswer(recorder));
    handler.handle(client, job);
    return recorder.awaitOutcome(Duration.ofSeconds(60), this::toMap);
  }

  private Map<String, Object> toMap(Object variables) {
    if (variables == null) {
      return Map.of();
    }
    if (variables instanceof String json) {
      try {
        return mapper.readValue(json, new TypeReference<>() {});
      } catch (Exception e) {
        throw new IllegalStateException("Runtime sent unreadable variables: " + json, e);
      }
    }
    // The engine only ever sees JSON: anything that is not already a JSON value (a live object such
    // as a Document) is serialised exactly as the job client would. Plain values keep their Java
    // number types (a long count stays a Long), which tests compare against.
    Map<String, Object> converted = mapper.convertValue(variables, new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) jsonOnly(converted);
    return json;
  }

  private Object jsonOnly(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), jsonOnly(v)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(jsonOnly(v)));
      return copy;
    }
    try {
      // read back without the runtime's document module, which would turn a reference into a live
      // Document again: the engine stores plain JSON
      return PLAIN_JSON.readValue(mapper.writeValueAsString(value), Object.class);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Runtime sent a variable that is not serialisable as JSON: " + value.getClass().getName(), e);
    }
  }

  public static final class Builder {
    private final OutboundConnectorFunction function;
    private final Map<String, String> secrets = new LinkedHashMap<>();

    private Builder(OutboundConnectorFunction function) {
      this.function = function;
    }

    /** A secret the runtime resolves for {@code {{secrets.NAME}}}. */
    public Builder secret(String name, String value) {
      secrets.put(name, value);
      return this;
    }

    public Builder secrets(Map<String, String> values) {
      secrets.putAll(values);
      return this;
    }

    public ConnectorRuntimeHarness build() {
      return new ConnectorRuntimeHarness(function, Map.copyOf(secrets));
    }
  }
}

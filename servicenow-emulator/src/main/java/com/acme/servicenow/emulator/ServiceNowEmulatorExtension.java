package com.acme.servicenow.emulator;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: one emulator per test class, journal and fault rules cleared before each test (data is kept;
 * call {@code emulator().reset()} for a fresh seed).
 * <pre>{@code
 * @RegisterExtension
 * static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b.seed("demo"));
 * }</pre>
 */
public final class ServiceNowEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final Consumer<ServiceNowEmulator.Builder> configuration;
  private volatile ServiceNowEmulator emulator;

  private ServiceNowEmulatorExtension(Consumer<ServiceNowEmulator.Builder> configuration) {
    this.configuration = configuration;
  }

  public static ServiceNowEmulatorExtension create() {
    return new ServiceNowEmulatorExtension(b -> { });
  }

  public static ServiceNowEmulatorExtension create(Consumer<ServiceNowEmulator.Builder> configuration) {
    return new ServiceNowEmulatorExtension(Objects.requireNonNull(configuration));
  }

  public ServiceNowEmulator emulator() {
    return ensureStarted();
  }

  public String baseUrl() {
    return ensureStarted().baseUrl();
  }

  private synchronized ServiceNowEmulator ensureStarted() {
    if (emulator == null) {
      ServiceNowEmulator.Builder builder = ServiceNowEmulator.builder();
      configuration.accept(builder);
      emulator = builder.build().start();
    }
    return emulator;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    startedForClass = true;
    if (owner == null) {
      owner = context.getUniqueId(); // @Nested classes see beforeAll/afterAll too: only the outermost one owns it
    }
    ensureStarted();
  }

  private String owner;

  @Override
  public void beforeEach(ExtensionContext context) {
    ServiceNowEmulator e = ensureStarted();
    e.journal().clear();
    e.faults().clear();
    if (!startedForClass) {
      // an instance field (non-static @RegisterExtension) gets no afterAll: close when the test's store closes
      context.getStore(ExtensionContext.Namespace.create(this)).getOrComputeIfAbsent("closer",
          k -> (ExtensionContext.Store.CloseableResource) this::stop);
    }
  }

  private volatile boolean startedForClass;

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (owner == null || owner.equals(context.getUniqueId())) {
      owner = null;
      stop();
    }
  }

  private synchronized void stop() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }
}

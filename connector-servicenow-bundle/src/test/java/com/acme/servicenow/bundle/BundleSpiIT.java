package com.acme.servicenow.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.config.OutboundConnectorConfiguration;
import io.camunda.connector.runtime.core.outbound.DefaultOutboundConnectorFactory;
import io.camunda.connector.validation.impl.DefaultValidationProvider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundle as the connector runtime sees it: the JAR in its own class loader (like a JAR in
 * {@code /opt/custom}) whose parent holds the real runtime classes (connector-runtime-spring and what
 * it brings: SDK, Jackson, HttpClient 5, Spring...). The runtime's own SPI discovery must find
 * exactly our three connectors, and nothing in the JAR may shadow a runtime class.
 */
class BundleSpiIT {

  private static final String SERVICES =
      "META-INF/services/io.camunda.connector.api.outbound.OutboundConnectorFunction";
  private static final Map<String, String> EXPECTED =
      Map.of(
          "com.acme:servicenow-table:1", "com.acme.servicenow.connector.table.ServiceNowTableFunction",
          "com.acme:servicenow-incident:1", "com.acme.servicenow.connector.incident.ServiceNowIncidentFunction",
          "com.acme:servicenow-flow:1", "com.acme.servicenow.connector.flow.ServiceNowFlowFunction");
  private static final Map<String, String> TEMPLATES =
      Map.of(
          "com.acme:servicenow-table:1", "servicenow-table-connector.json",
          "com.acme:servicenow-incident:1", "servicenow-incident-connector.json",
          "com.acme:servicenow-flow:1", "servicenow-flow-connector.json");

  private static Path jar;
  private static URLClassLoader bundleLoader;

  @BeforeAll
  static void openBundle() throws Exception {
    jar = Path.of(System.getProperty("bundle.jar", "target/missing.jar"));
    assertThat(jar).as("the shaded bundle (run the package phase first)").isRegularFile();
    bundleLoader =
        new URLClassLoader("servicenow-bundle", new URL[] {jar.toUri().toURL()}, BundleSpiIT.class.getClassLoader());
  }

  @AfterAll
  static void closeBundle() throws IOException {
    if (bundleLoader != null) {
      bundleLoader.close();
    }
  }

  @Test
  void theTestClasspathHoldsTheRuntimeButNoneOfOurClasses() {
    // Otherwise discovery could find the connectors through the parent and prove nothing.
    for (String className : EXPECTED.values()) {
      assertThatThrownBy(() -> Class.forName(className, false, BundleSpiIT.class.getClassLoader()))
          .isInstanceOf(ClassNotFoundException.class);
    }
    assertThat(BundleSpiIT.class.getClassLoader().getResource("org/apache/hc/client5/http/classic/HttpClient.class"))
        .as("the runtime's own HttpClient 5")
        .isNotNull();
  }

  @Test
  void runtimeSpiDiscoveryFindsExactlyOurThreeConnectors() throws Exception {
    List<OutboundConnectorConfiguration> configurations = discover();

    Map<String, OutboundConnectorConfiguration> byType =
        configurations.stream().collect(Collectors.toMap(OutboundConnectorConfiguration::type, c -> c));
    assertThat(byType.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    ObjectMapper json = new ObjectMapper();
    for (var entry : byType.entrySet()) {
      OutboundConnectorFunction function = withBundleContext(() -> entry.getValue().instanceSupplier().get());
      assertThat(function.getClass().getName()).isEqualTo(EXPECTED.get(entry.getKey()));
      assertThat(function.getClass().getClassLoader()).as("loaded from the bundle JAR").isSameAs(bundleLoader);

      // The worker fetches only inputVariables: they must cover every variable the template binds.
      Path template = projectRoot().resolve("element-templates").resolve(TEMPLATES.get(entry.getKey()));
      JsonNode tree = json.readTree(template.toFile());
      Set<String> bound = new TreeSet<>();
      String templateType = null;
      for (JsonNode property : tree.path("properties")) {
        JsonNode binding = property.path("binding");
        if ("zeebe:input".equals(binding.path("type").asText())) {
          bound.add(binding.path("name").asText().split("\\.")[0]);
        }
        if ("zeebe:taskDefinition".equals(binding.path("type").asText())
            && "type".equals(binding.path("property").asText())) {
          templateType = property.path("value").asText();
        }
      }
      assertThat(templateType).as("task type bound by " + template.getFileName()).isEqualTo(entry.getKey());
      assertThat(entry.getValue().inputVariables())
          .as("inputVariables of " + entry.getKey())
          .containsAll(bound);
    }
  }

  @Test
  void aDiscoveredConnectorRunsAJobOverTlsWithTheRelocatedHttpClient() throws Exception {
    try (ServiceNowEmulator emulator = ServiceNowEmulator.builder().https(true).seed("demo").start()) {
      // The operator setting a real runtime would get as SERVICENOW_TRUSTED_CERTIFICATES.
      Path pem = Files.createTempFile("emulator", ".pem");
      Files.writeString(pem, emulator.certificatePem());
      System.setProperty("servicenow.trustedCertificates", pem.toString());
      try {
        OutboundConnectorConfiguration table =
            discover().stream().filter(c -> c.type().equals("com.acme:servicenow-table:1")).findFirst().orElseThrow();
        OutboundConnectorFunction function = withBundleContext(() -> table.instanceSupplier().get());

        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("type", "basic");
        auth.put("username", "admin");
        auth.put("password", "{{secrets.SERVICENOW_PASSWORD}}");
        JobOutcome outcome =
            withBundleContext(
                () ->
                    ConnectorRuntimeHarness.forFunction(function)
                        .secret("SERVICENOW_PASSWORD", "admin")
                        .build()
                        .run(
                            JobRequest.builder()
                                .type(table.type())
                                .variable("connection", Map.of("instance", emulator.baseUrl()))
                                .variable("authentication", auth)
                                .variable("table", "incident")
                                .variable("operation", Map.of("type", "query", "limit", 2))
                                .resultVariable("result")
                                .build()));

        assertThat(outcome).isInstanceOf(JobOutcome.Completed.class);
        assertThat(emulator.journal().all())
            .anySatisfy(r -> assertThat(r.path()).startsWith("/api/now/"))
            .allSatisfy(r -> assertThat(r.status()).isLessThan(400));
        assertThat(String.valueOf(((JobOutcome.Completed) outcome).variables())).contains("INC");
      } finally {
        System.clearProperty("servicenow.trustedCertificates");
        Files.deleteIfExists(pem);
      }
    }
  }

  @Test
  void oneServicesFileListsTheThreeFunctions() throws Exception {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry services = file.getJarEntry(SERVICES);
      assertThat(services).isNotNull();
      try (InputStream in = file.getInputStream(services)) {
        List<String> lines =
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(lines).containsExactlyInAnyOrderElementsOf(EXPECTED.values());
      }
      assertThat(file.stream()
                  .filter(e -> !e.isDirectory() && e.getName().startsWith("META-INF/services/"))
                  .map(JarEntry::getName))
          .containsExactly(SERVICES);
    }
  }

  @Test
  void everyClassIsOursOrRelocatedAndNoneShadowsARuntimePackage() throws Exception {
    Set<String> runtimePackages = runtimeClasspathPackages();
    assertThat(runtimePackages).contains("org/apache/hc/client5/http", "com/fasterxml/jackson/databind");

    List<String> foreign = new ArrayList<>();
    List<String> clashing = new ArrayList<>();
    List<String> unrelocatedReferences = new ArrayList<>();
    boolean relocatedHttpClient = false;
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        String name = classPath(entry.getName());
        if (name == null) {
          continue;
        }
        if (!name.startsWith("com/acme/servicenow/")) {
          foreign.add(entry.getName());
        }
        if (runtimePackages.contains(packageOf(name))) {
          clashing.add(entry.getName());
        }
        if (name.startsWith("com/acme/servicenow/shaded/org/apache/hc/client5/")) {
          relocatedHttpClient = true;
        }
        try (InputStream in = file.getInputStream(entry)) {
          // a class constant or string the relocation missed would still load the runtime's copy
          String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
          if (bytes.replace("com/acme/servicenow/shaded/org/apache/hc/", "").contains("org/apache/hc/")) {
            unrelocatedReferences.add(entry.getName());
          }
        }
      }
    }
    assertThat(foreign).as("classes outside com/acme/servicenow").isEmpty();
    assertThat(clashing).as("classes in packages the runtime also has").isEmpty();
    assertThat(unrelocatedReferences).as("classes still referring to org/apache/hc").isEmpty();
    assertThat(relocatedHttpClient).as("HttpClient 5 relocated into the bundle").isTrue();
  }

  @Test
  void httpClientWireAndHeaderLoggersKeepTheirNamesOutsideOurNamespace() throws Exception {
    // Relocated, these loggers (which print Authorization headers and token bodies at DEBUG) would
    // be switched on by a user's "com.acme=DEBUG".
    String relocatedWire = "com.acme.servicenow.shaded.org.apache.hc.client5.http.wire";
    String relocatedHeaders = "com.acme.servicenow.shaded.org.apache.hc.client5.http.headers";
    boolean wireLoggerFound = false;
    List<String> relocatedLoggers = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        try (InputStream in = file.getInputStream(entry)) {
          String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
          if (bytes.contains(relocatedWire) || bytes.contains(relocatedHeaders)) {
            relocatedLoggers.add(entry.getName());
          }
          wireLoggerFound |= bytes.contains("org.apache.hc.client5.http.wire");
        }
      }
    }
    assertThat(relocatedLoggers).as("classes naming a wire/header logger under com.acme").isEmpty();
    assertThat(wireLoggerFound).as("the wire logger name is still in the bundle").isTrue();
  }

  @Test
  void theSdkJacksonAndValidationAreNotInTheBundle() throws Exception {
    try (JarFile file = new JarFile(jar.toFile())) {
      Set<String> names = file.stream().map(JarEntry::getName).collect(Collectors.toSet());
      assertThat(names)
          .noneMatch(n -> n.contains("io/camunda/connector/"))
          .noneMatch(n -> n.contains("com/fasterxml/jackson/"))
          .noneMatch(n -> n.contains("jakarta/validation/"))
          .noneMatch(n -> n.contains("org/slf4j/"));
    }
  }

  private static List<OutboundConnectorConfiguration> discover() throws Exception {
    return withBundleContext(
        () -> {
          // exactly what the runtime builds at start-up; no beans, no env-var overrides
          var factory =
              new DefaultOutboundConnectorFactory(
                  ConnectorsObjectMapperSupplier.getCopy(),
                  new DefaultValidationProvider(),
                  List.of(),
                  List.of(),
                  name -> null);
          return new ArrayList<>(factory.getConfigurations());
        });
  }

  /** SPIConnectorDiscovery uses ServiceLoader.load(Class), i.e. the thread's context class loader. */
  private static <T> T withBundleContext(Callable<T> action) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(bundleLoader);
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The class's path without {@code .class} (multi-release prefix removed), or null for a resource. */
  private static String classPath(String entryName) {
    if (!entryName.endsWith(".class")) {
      return null;
    }
    String name = entryName.substring(0, entryName.length() - ".class".length());
    if (name.startsWith("META-INF/versions/")) {
      String[] parts = name.split("/", 4);
      name = parts.length == 4 ? parts[3] : name;
    }
    return name;
  }

  private static String packageOf(String classPath) {
    int slash = classPath.lastIndexOf('/');
    return slash < 0 ? "" : classPath.substring(0, slash);
  }

  private static Set<String> runtimeClasspathPackages() throws IOException {
    Set<String> packages = new HashSet<>();
    for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(element);
      if (Files.isRegularFile(path) && element.endsWith(".jar")) {
        try (JarFile file = new JarFile(path.toFile())) {
          Enumeration<JarEntry> entries = file.entries();
          while (entries.hasMoreElements()) {
            String name = classPath(entries.nextElement().getName());
            if (name != null) {
              packages.add(packageOf(name));
            }
          }
        }
      } else if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files
              .filter(p -> p.toString().endsWith(".class"))
              .forEach(p -> packages.add(packageOf(path.relativize(p).toString().replace(File.separatorChar, '/'))));
        }
      }
    }
    return packages;
  }

  private static Path projectRoot() {
    String root = System.getProperty("project.root");
    if (root != null && Files.exists(Path.of(root, "mvnw"))) {
      return Path.of(root);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}

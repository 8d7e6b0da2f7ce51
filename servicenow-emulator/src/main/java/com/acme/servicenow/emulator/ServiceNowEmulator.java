package com.acme.servicenow.emulator;

import com.acme.servicenow.emulator.attachment.AttachmentApiHandler;
import com.acme.servicenow.emulator.auth.OAuthHandler;
import com.acme.servicenow.emulator.batch.BatchApiHandler;
import com.acme.servicenow.emulator.catalog.ServiceCatalogHandler;
import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.flow.FlowApiHandler;
import com.acme.servicenow.emulator.flow.FlowEngine;
import com.acme.servicenow.emulator.flow.RestTriggerHandler;
import com.acme.servicenow.emulator.data.TableSchema;
import com.acme.servicenow.emulator.http.EmulatorServer;
import com.acme.servicenow.emulator.http.Router;
import com.acme.servicenow.emulator.seed.Seeds;
import com.acme.servicenow.emulator.stats.AggregateApiHandler;
import com.acme.servicenow.emulator.seed.StandardSchema;
import com.acme.servicenow.emulator.table.RecordRenderer;
import com.acme.servicenow.emulator.table.RecordWriter;
import com.acme.servicenow.emulator.table.TableApiHandler;
import com.acme.servicenow.emulator.tls.SelfSignedCertificate;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A ServiceNow instance in a box: the Table API and friends over real HTTP(S), with ServiceNow's value shapes,
 * errors, pagination headers, authentication and business rules (see {@code shared/reference/servicenow-rest-api.md}).
 *
 * <pre>{@code
 * try (ServiceNowEmulator sn = ServiceNowEmulator.builder().seed("demo").https(true).build().start()) {
 *   HttpClient client = HttpClient.newBuilder().sslContext(sn.clientSslContext()).build();
 *   ... sn.baseUrl() + "/api/now/table/incident" ...
 * }
 * }</pre>
 */
public final class ServiceNowEmulator implements AutoCloseable {

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm the client's delayed ACK then
    // stalls every keep-alive response by ~40 ms. Read once when the server classes initialise, so set it early.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Builder config;
  private final EmulatorContext ctx;
  private final RecordWriter writer;
  private final Records records;
  private final RequestJournal journal = new RequestJournal();
  private final FaultRules faults = new FaultRules();
  private final Router router = new Router();
  private final SelfSignedCertificate certificate;
  private final EmulatorServer handler;
  private final FlowEngine flows;
  private final AttachmentApiHandler attachments;
  private HttpServer server;
  private ExecutorService executor;

  private ServiceNowEmulator(Builder b) {
    this.config = b;
    var schema = StandardSchema.create();
    b.tables.forEach(schema::add);
    this.ctx = new EmulatorContext(schema, b.clock);
    ctx.linkHeaderStyle = b.linkHeaderStyle;
    ctx.limitBeforeAcl = b.limitBeforeAcl;
    ctx.invalidQueryReturnsNoRows = b.invalidQueryFieldsReturnNoRows;
    ctx.caseSensitiveQueries = b.caseSensitiveQueries;
    if (!b.noDefaultAdmin) {
      ctx.auth.addUser("admin", "admin", "admin");
    }
    b.authSetup.forEach(step -> step.accept(ctx));
    ctx.auth.tokenLifetime(b.tokenLifetime);
    this.writer = new RecordWriter(ctx);
    this.records = new Records(ctx, writer);
    RecordRenderer renderer = new RecordRenderer(ctx);
    router.register(new OAuthHandler(ctx.auth));
    this.flows = new FlowEngine(ctx, writer);
    if ("demo".equals(b.seed)) {
      Seeds.demoFlows().forEach(flows::define);
    }
    b.flows.forEach(flows::define);
    router.register(new FlowApiHandler(ctx, flows));
    router.register(new TableApiHandler(ctx, renderer, writer));
    router.register(new AggregateApiHandler(ctx, renderer));
    this.attachments = new AttachmentApiHandler(ctx, writer);
    attachments.limits(b.attachmentLimits);
    router.register(attachments);
    router.register(new ServiceCatalogHandler(ctx, writer));
    router.register(new BatchApiHandler(router));
    // REST triggers live under arbitrary /api/<scope>/<name> paths: consulted after every built-in API
    router.register(new RestTriggerHandler(flows));
    this.certificate = b.https ? SelfSignedCertificate.generate() : null;
    this.handler = new EmulatorServer(ctx, router, faults, journal, this::baseUrl, b.https);
    handler.latency(b.latency);
    seed();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds the port and starts serving; returns this. */
  public synchronized ServiceNowEmulator start() {
    if (server != null) {
      return this;
    }
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(config.bindAddress), config.port);
      if (certificate != null) {
        HttpsServer https = HttpsServer.create(address, 1024);
        https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server = https;
      } else {
        server = HttpServer.create(address, 1024);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not bind the emulator to port " + config.port, e);
    }
    executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return this;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  /** {@code http://localhost:<port>} or {@code https://localhost:<port>}, without a trailing slash. */
  public String baseUrl() {
    return (isHttps() ? "https" : "http") + "://localhost:" + port();
  }

  public int port() {
    HttpServer s = server;
    if (s == null) {
      throw new IllegalStateException("The emulator is not started");
    }
    return s.getAddress().getPort();
  }

  public boolean isHttps() {
    return certificate != null;
  }

  /** A PKCS12 trust store holding the emulator's certificate (HTTPS only). */
  public KeyStore trustStore() {
    return requireCertificate().trustStore();
  }

  /** The emulator's certificate in PEM form (HTTPS only). */
  public String certificatePem() {
    return requireCertificate().pem();
  }

  /** An SSLContext that trusts the emulator's certificate and nothing else (HTTPS only). */
  public SSLContext clientSslContext() {
    return requireCertificate().clientContext();
  }

  private SelfSignedCertificate requireCertificate() {
    if (certificate == null) {
      throw new IllegalStateException("HTTPS is not enabled; use ServiceNowEmulator.builder().https(true)");
    }
    return certificate;
  }

  public RequestJournal journal() {
    return journal;
  }

  public FaultRules faults() {
    return faults;
  }

  public EmulatorClock clock() {
    return ctx.clock;
  }

  public Records records() {
    return records;
  }

  /** Restores the seed data, clears the journal and the fault rules. Tokens and the clock are kept. */
  public synchronized void reset() {
    ctx.store.clearAll();
    seed();
    journal.clear();
    faults.clear();
  }

  /** The stored bytes of an attachment ({@code sys_attachment} sys_id), for assertions on uploads. */
  public java.util.Optional<byte[]> attachmentContent(String sysId) {
    return java.util.Optional.ofNullable(attachments.content(sysId));
  }

  /** Changes the latency added to every request. */
  public void latency(Duration latency) {
    handler.latency(latency);
  }

  private void seed() {
    new Seeds(ctx, writer).apply(config.seed);
    ctx.resetHooks.forEach(Runnable::run);
    config.dataSetup.forEach(step -> step.accept(records));
  }

  EmulatorContext context() {
    return ctx;
  }

  /** Configuration of an emulator; {@link #build()} creates it, {@link #start()} also starts it. */
  public static final class Builder {
    private int port = 0;
    private String bindAddress = "127.0.0.1";
    private boolean https;
    private boolean noDefaultAdmin;
    private final List<Consumer<EmulatorContext>> authSetup = new ArrayList<>();
    private final List<Consumer<Records>> dataSetup = new ArrayList<>();
    private final List<TableSchema> tables = new ArrayList<>();
    private final List<FlowDefinition> flows = new ArrayList<>();
    private Duration tokenLifetime = Duration.ofSeconds(1799);
    private String seed = "empty";
    private EmulatorClock clock = EmulatorClock.system();
    private Duration latency = Duration.ZERO;
    private LinkHeaderStyle linkHeaderStyle = LinkHeaderStyle.ALL_RELS;
    private boolean limitBeforeAcl;
    private boolean invalidQueryFieldsReturnNoRows;
    private boolean caseSensitiveQueries;
    private AttachmentApiHandler.Limits attachmentLimits = AttachmentApiHandler.Limits.DEFAULT;

    private Builder() {
    }

    /**
     * Attachment limits: maximum size in bytes (default 1 GB) and allowed file extensions (none given = any), like
     * {@code com.glide.attachment.max_size} and {@code glide.attachment.extensions}.
     */
    public Builder attachmentLimits(long maxBytes, String... allowedExtensions) {
      this.attachmentLimits = new AttachmentApiHandler.Limits(maxBytes,
          java.util.Set.of(java.util.Arrays.stream(allowedExtensions).map(String::toLowerCase).toArray(String[]::new)));
      return this;
    }

    /** 0 (default) picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Address to listen on; default 127.0.0.1. */
    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address);
      return this;
    }

    /** Serve HTTPS with a certificate generated at start (default false). */
    public Builder https(boolean https) {
      this.https = https;
      return this;
    }

    /** A login user (basic auth, password grant) with a sys_user row. */
    public Builder user(String name, String password, String... roles) {
      authSetup.add(c -> c.auth.addUser(name, password, roles));
      return this;
    }

    /** Drops the default {@code admin}/{@code admin} user. */
    public Builder noDefaultAdmin() {
      this.noDefaultAdmin = true;
      return this;
    }

    /** Replaces the default (read and write everything) for this user and table. */
    public Builder tableAccess(String user, String table, boolean read, boolean write) {
      authSetup.add(c -> c.access.tableAccess(user, table, read, write));
      return this;
    }

    /** Rows of {@code table} matching {@code encodedQuery} are invisible to {@code user} (a row-level read ACL). */
    public Builder hideRows(String user, String table, String encodedQuery) {
      authSetup.add(c -> c.access.hideRows(user, table, encodedQuery));
      return this;
    }

    /** Every REST call of this user fails with 403 "User Not Authorized" / "Failed API level ACL Validation". */
    public Builder denyApiAccess(String user) {
      authSetup.add(c -> c.access.denyApi(user));
      return this;
    }

    public Builder oauthClient(String clientId, String clientSecret) {
      authSetup.add(c -> c.auth.addClient(clientId, clientSecret));
      return this;
    }

    /** Enables the client_credentials grant for this client, running as {@code runAsUser} (off by default). */
    public Builder clientCredentialsGrant(String clientId, String runAsUser) {
      authSetup.add(c -> c.auth.enableClientCredentials(clientId, runAsUser));
      return this;
    }

    /** An API key ({@code x-sn-apikey} header or query parameter) acting as {@code user}. */
    public Builder apiKey(String key, String user) {
      authSetup.add(c -> c.auth.addApiKey(key, user));
      return this;
    }

    /** Access-token lifetime (default 1799 s); refresh tokens live 100 days. */
    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = Objects.requireNonNull(lifetime);
      return this;
    }

    /** "empty" (default) or "demo". */
    public Builder seed(String name) {
      if (!Seeds.isKnown(name)) {
        throw new IllegalArgumentException("Unknown seed '" + name + "' (known: empty, demo)");
      }
      this.seed = name;
      return this;
    }

    public Builder clock(EmulatorClock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Added to every request, to mimic a network round trip. */
    public Builder latency(Duration latency) {
      this.latency = Objects.requireNonNull(latency);
      return this;
    }

    public Builder linkHeaderStyle(LinkHeaderStyle style) {
      this.linkHeaderStyle = Objects.requireNonNull(style);
      return this;
    }

    /**
     * When true, {@code sysparm_limit} is applied before row-level ACLs ({@link #hideRows}), so pages can be short
     * or empty while later pages hold rows, and {@code X-Total-Count} includes hidden rows (default false).
     */
    public Builder limitBeforeAcl(boolean on) {
      this.limitBeforeAcl = on;
      return this;
    }

    /** Mimics {@code glide.invalid_query.returns_no_rows=true}: a query naming an unknown field returns nothing. */
    public Builder invalidQueryFieldsReturnNoRows(boolean on) {
      this.invalidQueryFieldsReturnNoRows = on;
      return this;
    }

    /** {@code =}, {@code LIKE} etc. compare case-sensitively (default false, like most instance collations). */
    public Builder caseSensitiveQueries(boolean on) {
      this.caseSensitiveQueries = on;
      return this;
    }

    /** Adds a custom table whose columns are all strings. */
    public Builder table(String name, String... stringFields) {
      tables.add(TableSchema.builder(name).string(stringFields).build());
      return this;
    }

    /** Adds a table with a full dictionary. */
    public Builder table(TableSchema schema) {
      tables.add(Objects.requireNonNull(schema));
      return this;
    }

    /** A flow, subflow or action that the flow API (and its REST trigger, if any) can start. */
    public Builder flow(FlowDefinition definition) {
      flows.add(Objects.requireNonNull(definition));
      return this;
    }

    /** An orderable catalog item ({@code sc_cat_item} row, re-created on reset). */
    public Builder catalogItem(String sysId, String name) {
      return data(r -> r.insert("sc_cat_item", java.util.Map.of("sys_id", sysId, "name", name,
          "short_description", name, "active", "true")));
    }

    /** Runs after every seeding (start and reset) to add test data. */
    public Builder data(Consumer<Records> setup) {
      dataSetup.add(Objects.requireNonNull(setup));
      return this;
    }

    public ServiceNowEmulator build() {
      return new ServiceNowEmulator(this);
    }

    /** {@code build().start()} */
    public ServiceNowEmulator start() {
      return build().start();
    }
  }
}

package com.acme.servicenow.client;

import com.acme.servicenow.client.aggregate.AggregateApi;
import com.acme.servicenow.client.attachment.AttachmentApi;
import com.acme.servicenow.client.catalog.CatalogApi;
import com.acme.servicenow.client.flow.FlowApi;
import com.acme.servicenow.client.http.HttpClientFactory;
import com.acme.servicenow.client.http.Json;
import com.acme.servicenow.client.http.RequestSpec;
import com.acme.servicenow.client.http.Transport;
import com.acme.servicenow.client.table.TableApi;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.acme.servicenow.client.error.ServiceNowInputException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Entry point for one ServiceNow connection. Thread-safe; obtain shared instances with
 * {@link #forConnection(ServiceNowConnection)} (cached per configuration, pooled HTTP connections,
 * process-wide OAuth token cache). No Camunda dependency.
 */
public final class ServiceNowClient implements AutoCloseable {

  private final Transport transport;
  private final TableApi table;
  private final AttachmentApi attachments;
  private final AggregateApi aggregate;
  private final CatalogApi catalog;
  private final FlowApi flows;

  ServiceNowClient(Transport transport) {
    this.transport = transport;
    this.table = new TableApi(transport);
    this.attachments = new AttachmentApi(transport);
    this.aggregate = new AggregateApi(transport);
    this.catalog = new CatalogApi(transport);
    this.flows = new FlowApi(transport, table);
  }

  /** The shared client for this connection (same as {@link ServiceNowClients#get(ServiceNowConnection)}). */
  public static ServiceNowClient forConnection(ServiceNowConnection connection) {
    return ServiceNowClients.get(connection);
  }

  public static ServiceNowClient forConnection(ServiceNowConnection connection, ClientOptions options) {
    return ServiceNowClients.get(connection, options);
  }

  /**
   * A new, unshared client that owns its own connection pool; close it when done. Tests and tools use
   * this; connectors should use {@link #forConnection}.
   */
  public static ServiceNowClient create(ServiceNowConnection connection, ClientOptions options) {
    ClientOptions o = options == null ? ClientOptions.defaults() : options;
    CloseableHttpClient http = HttpClientFactory.create(connection, o.maxConnections());
    return new ServiceNowClient(new Transport(connection, o, http, true));
  }

  public ServiceNowConnection connection() {
    return transport.connection();
  }

  public ClientOptions options() {
    return transport.options();
  }

  public TableApi table() {
    return table;
  }

  public AttachmentApi attachments() {
    return attachments;
  }

  public AggregateApi aggregate() {
    return aggregate;
  }

  public CatalogApi catalog() {
    return catalog;
  }

  public FlowApi flows() {
    return flows;
  }

  /** Sends a raw request (REST-triggered flows, scripted REST APIs) through the same machinery. */
  public ApiResponse send(ApiRequest request) {
    RequestSpec.Builder b = RequestSpec.method(request.method(), request.path()).params(request.query());
    request.headers().forEach(b::header);
    if (request.body() != null) {
      try {
        b.jsonBody(Json.MAPPER.writeValueAsBytes(request.body()));
      } catch (JsonProcessingException e) {
        throw new ServiceNowInputException("body", "cannot be written as JSON");
      }
    }
    if (request.idempotent() != null) {
      b.idempotent(request.idempotent());
    }
    return transport.execute(b.build(), r -> {
      byte[] bytes = r.body().readAllBytes();
      JsonNode body = null;
      if (bytes.length > 0) {
        String ct = r.contentType() == null ? "" : r.contentType().toLowerCase(java.util.Locale.ROOT);
        if (ct.isEmpty() || ct.contains("json")) {
          // JSON is promised: a parse failure is a broken body (retry rules apply)
          body = Json.MAPPER.readTree(bytes);
          Transport.checkNoErrorEnvelope(body);
        } else {
          // scripted REST APIs may answer text; hand it over as a JSON string
          body = com.fasterxml.jackson.databind.node.TextNode.valueOf(
              new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return new ApiResponse(r.status(), r.headers(), body, r.transactionId());
    });
  }

  /** Closes the connection pool if this client owns it ({@link #create}); shared clients ignore it. */
  @Override
  public void close() {
    transport.close();
  }

  Transport transport() {
    return transport;
  }
}

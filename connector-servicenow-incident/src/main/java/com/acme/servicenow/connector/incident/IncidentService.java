package com.acme.servicenow.connector.incident;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.DisplayValue;
import com.acme.servicenow.client.table.Page;
import com.acme.servicenow.client.table.ReadOptions;
import com.acme.servicenow.client.table.WriteOptions;
import com.acme.servicenow.connector.common.ConnectorErrors;
import com.acme.servicenow.connector.incident.ReferenceResolver.Target;
import com.acme.servicenow.connector.incident.model.CorrelationScope;
import com.acme.servicenow.connector.incident.model.FindCondition;
import com.acme.servicenow.connector.incident.model.HoldReason;
import com.acme.servicenow.connector.incident.model.IncidentList;
import com.acme.servicenow.connector.incident.model.IncidentOperation;
import com.acme.servicenow.connector.incident.model.IncidentOperation.AddComment;
import com.acme.servicenow.connector.incident.model.IncidentOperation.AddWorkNote;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Assign;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Cancel;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Close;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Create;
import com.acme.servicenow.connector.incident.model.IncidentOperation.CreateFromError;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Find;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Get;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Hold;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Reopen;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Resolve;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Resume;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Update;
import com.acme.servicenow.connector.incident.model.IncidentResult;
import com.acme.servicenow.connector.incident.model.IncidentResult.JournalEntry;
import com.acme.servicenow.connector.incident.model.IncidentState;
import com.acme.servicenow.connector.incident.model.Level;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Executes the incident operations against one ServiceNow client. Stateless apart from the close-code
 * cache, so one instance serves all jobs of a function.
 *
 * <p>Every operation checks its input completely before the first request, so bad input fails the job
 * without touching ServiceNow.
 */
public final class IncidentService {

  static final String TABLE = "incident";
  static final String CORRELATION_DISPLAY = "Camunda";
  private static final Set<String> JOURNAL_FIELDS = Set.of("comments", "work_notes");
  private static final Pattern FIELD_NAME = Pattern.compile("^[a-z0-9_]{1,80}$");
  /** Failures after which we cannot know whether ServiceNow stored the POST. */
  private static final Set<ErrorCode> AMBIGUOUS =
      Set.of(
          ErrorCode.SERVICENOW_TIMEOUT,
          ErrorCode.SERVICENOW_SERVER_ERROR,
          ErrorCode.SERVICENOW_CONNECTION_FAILED,
          ErrorCode.SERVICENOW_INVALID_RESPONSE,
          ErrorCode.SERVICENOW_TRANSACTION_CANCELLED,
          ErrorCode.SERVICENOW_REQUEST_DROPPED,
          ErrorCode.SERVICENOW_HTML_RESPONSE);

  /** Every read and write asks for raw and display values in one go, without reference links. */
  private static final ReadOptions READ_ALL =
      ReadOptions.builder().displayValue(DisplayValue.ALL).excludeReferenceLink(true).build();
  private static final WriteOptions WRITE_ALL =
      WriteOptions.builder().displayValue(DisplayValue.ALL).excludeReferenceLink(true).build();

  private final CloseCodeCatalog closeCodes;

  public IncidentService() {
    this(CloseCodeCatalog.DEFAULT_TTL, Clock.systemUTC());
  }

  /** {@code closeCodeCacheTtl} = how long the close codes of an instance are reused (zero: never). */
  public IncidentService(Duration closeCodeCacheTtl, Clock clock) {
    this.closeCodes = new CloseCodeCatalog(closeCodeCacheTtl, clock);
  }

  public Object execute(ServiceNowClient client, IncidentOperation operation, ProcessContext process) {
    try {
      return switch (operation) {
        case Create c -> create(client, NewIncident.of(c), process);
        case CreateFromError e -> create(client, NewIncident.of(e, process), process);
        case Get g -> get(client, g);
        case Find f -> find(client, f);
        case Update u -> update(client, u);
        case AddComment c -> patch(client, c.incident(), fields("comments", required(c.comment())));
        case AddWorkNote w -> patch(client, w.incident(), fields("work_notes", required(w.workNote())));
        case Assign a -> assign(client, a);
        case Hold h -> hold(client, h);
        case Resume r -> patch(client, r.incident(), withJournal(state(IncidentState.IN_PROGRESS), r.comment(), r.workNote()));
        case Resolve r -> resolve(client, r);
        case Close c -> close(client, c);
        case Reopen r -> patch(client, r.incident(), withJournal(state(IncidentState.IN_PROGRESS), r.comment(), r.workNote()));
        case Cancel c -> patch(client, c.incident(), withJournal(state(IncidentState.CANCELED), null, c.workNote()));
      };
    } catch (ServiceNowException e) {
      throw ConnectorErrors.toConnectorException(e);
    }
  }

  // ------------------------------------------------------------------ create

  private IncidentResult create(ServiceNowClient client, NewIncident incident, ProcessContext process) {
    String correlationId = incident.correlationId(process);
    boolean lookUp = correlationId != null && incident.scope() != CorrelationScope.NONE;
    // everything that can be wrong with the input is found before the first request
    checkFieldNames("additionalFields", incident.additionalFields());
    if (correlationId != null) {
      if (correlationId.length() > 100) {
        throw new ConnectorInputException(
            "Invalid input 'correlationId': ServiceNow's correlation_id holds at most 100 characters");
      }
      precheck("correlationId", correlationId);
    }
    if (incident.shortDescription().length() > NewIncident.SHORT_DESCRIPTION_MAX) {
      throw new ConnectorInputException("Invalid input 'shortDescription': at most 160 characters");
    }
    precheck("caller", incident.caller());
    precheck("assignmentGroup", incident.assignmentGroup());
    precheck("assignedTo", incident.assignedTo());
    precheck("configurationItem", incident.configurationItem());

    if (lookUp) {
      Optional<IncidentResult> existing = findByCorrelationId(client, correlationId);
      if (existing.isPresent()) {
        return existing.get().withCreated(false, correlationId);
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    if (incident.additionalFields() != null) {
      fields.putAll(incident.additionalFields());
    }
    fields.put("short_description", incident.shortDescription());
    putIfPresent(fields, "description", incident.description());
    putIfPresent(fields, "caller_id", ReferenceResolver.resolve(client, Target.USER, "caller", incident.caller()));
    putIfPresent(fields, "category", incident.category());
    putIfPresent(fields, "subcategory", incident.subcategory());
    if (incident.impact() != null) {
      fields.put("impact", incident.impact().value());
    }
    if (incident.urgency() != null) {
      fields.put("urgency", incident.urgency().value());
    }
    putIfPresent(fields, "assignment_group",
        ReferenceResolver.resolve(client, Target.GROUP, "assignmentGroup", incident.assignmentGroup()));
    putIfPresent(fields, "assigned_to",
        ReferenceResolver.resolve(client, Target.USER, "assignedTo", incident.assignedTo()));
    putIfPresent(fields, "cmdb_ci",
        ReferenceResolver.resolve(client, Target.CONFIGURATION_ITEM, "configurationItem", incident.configurationItem()));
    if (correlationId != null) {
      fields.put("correlation_id", correlationId);
      fields.putIfAbsent("correlation_display", CORRELATION_DISPLAY);
    }
    ObjectNode created;
    try {
      created = client.table().create(TABLE, fields, WRITE_ALL);
    } catch (ServiceNowException e) {
      if (!lookUp || !AMBIGUOUS.contains(e.code())) {
        throw e;
      }
      // The POST may have been stored although the answer was lost. Look once: if it is there, it is ours.
      Optional<IncidentResult> stored;
      try {
        stored = findByCorrelationId(client, correlationId);
      } catch (ServiceNowException lookupFailed) {
        throw e;
      }
      if (stored.isPresent()) {
        return stored.get().withCreated(true, correlationId);
      }
      // Not stored: a retry is safe because it looks up the correlation id first.
      var retry =
          ConnectorRetryException.builder()
              .errorCode(e.code().code())
              .message(e.getMessage() + " — no incident with correlation_id '" + correlationId
                  + "' exists, so retrying is safe")
              .cause(e);
      e.suggestedWait().ifPresent(retry::backoffDuration);
      throw retry.build();
    }
    return IncidentRecords.toResult(created, client.connection().baseUrl()).withCreated(true, correlationId);
  }

  private Optional<IncidentResult> findByCorrelationId(ServiceNowClient client, String correlationId) {
    Page page =
        client
            .table()
            .query(
                TABLE,
                QuerySpec.builder().and(Condition.eq("correlation_id", correlationId)).orderByAsc("sys_created_on").build(),
                READ_ALL,
                1,
                0);
    return page.records().stream().findFirst().map(r -> IncidentRecords.toResult(r, client.connection().baseUrl()));
  }

  // ------------------------------------------------------------------ reads

  private IncidentResult get(ServiceNowClient client, Get get) {
    IncidentResult result = read(client, get.incident());
    if (Boolean.TRUE.equals(get.includeJournal())) {
      result = result.withJournal(journal(client, result.sysId()));
    }
    return result;
  }

  private IncidentResult read(ServiceNowClient client, String incident) {
    String id = incident.strip();
    if (ReferenceResolver.isSysId(id)) {
      return client
          .table()
          .get(TABLE, id.toLowerCase(), READ_ALL)
          .map(r -> IncidentRecords.toResult(r, client.connection().baseUrl()))
          .orElseThrow(() -> notFound(id));
    }
    Page page =
        client.table().query(TABLE, QuerySpec.where(Condition.eq("number", id)), READ_ALL, 1, 0);
    return page.records().stream()
        .findFirst()
        .map(r -> IncidentRecords.toResult(r, client.connection().baseUrl()))
        .orElseThrow(() -> notFound(id));
  }

  private List<JournalEntry> journal(ServiceNowClient client, String sysId) {
    return journal(client, sysId, 1000);
  }

  private List<JournalEntry> journal(ServiceNowClient client, String sysId, int limit) {
    Page page =
        client
            .table()
            .query(
                "sys_journal_field",
                QuerySpec.builder()
                    .and(Condition.eq("element_id", sysId))
                    .and(Condition.eq("name", TABLE))
                    .and(Condition.in("element", List.of("comments", "work_notes")))
                    .orderByDesc("sys_created_on")
                    .build(),
                ReadOptions.builder()
                    .fields("element", "value", "sys_created_on", "sys_created_by")
                    .excludeReferenceLink(true)
                    .build(),
                limit,
                0);
    List<JournalEntry> entries = new ArrayList<>();
    for (ObjectNode row : page.records()) {
      entries.add(
          new JournalEntry(
              row.path("element").asText(""),
              row.path("value").asText(""),
              row.path("sys_created_on").asText(""),
              row.path("sys_created_by").asText("")));
    }
    return entries;
  }

  private IncidentList find(ServiceNowClient client, Find find) {
    QuerySpec.Builder query = QuerySpec.builder();
    try {
      if (find.correlationId() != null && !find.correlationId().isBlank()) {
        query.and(Condition.eq("correlation_id", find.correlationId().strip()));
      }
      if (find.activeOnly() == null || find.activeOnly()) {
        query.and(Condition.eq("active", "true"));
      }
      if (find.conditions() != null) {
        for (FindCondition c : find.conditions()) {
          if (c == null) {
            continue;
          }
          String operator = c.operator() == null || c.operator().isBlank() ? "=" : c.operator();
          query.and(Condition.of(c.field(), operator, c.value()));
        }
      }
      query.orderByDesc("sys_created_on");
    } catch (ServiceNowInputException e) {
      throw new ConnectorInputException(e.getMessage(), e);
    }
    int limit = find.limit() == null ? 10 : find.limit();
    Page page = client.table().query(TABLE, query.build(), READ_ALL, limit, 0);
    List<IncidentResult> incidents =
        page.records().stream().map(r -> IncidentRecords.toResult(r, client.connection().baseUrl())).toList();
    return new IncidentList(incidents.size(), page.totalCount(), incidents);
  }

  // ------------------------------------------------------------------ writes

  private IncidentResult update(ServiceNowClient client, Update update) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (update.fields() != null) {
      checkFieldNames("fields", update.fields());
      fields.putAll(update.fields());
    }
    if (update.state() != null) {
      fields.put("state", update.state().value());
    }
    putLevel(fields, "impact", update.impact());
    putLevel(fields, "urgency", update.urgency());
    if (fields.isEmpty()) {
      throw new ConnectorInputException("Update needs at least one field (state, impact, urgency or fields)");
    }
    return patch(client, update.incident(), fields);
  }

  private IncidentResult assign(ServiceNowClient client, Assign assign) {
    if (isBlank(assign.assignmentGroup()) && isBlank(assign.assignedTo())) {
      throw new ConnectorInputException("Assign needs an assignment group, a user to assign to, or both");
    }
    precheck("assignmentGroup", assign.assignmentGroup());
    precheck("assignedTo", assign.assignedTo());
    Map<String, Object> fields = new LinkedHashMap<>();
    putIfPresent(fields, "assignment_group",
        ReferenceResolver.resolve(client, Target.GROUP, "assignmentGroup", assign.assignmentGroup()));
    putIfPresent(fields, "assigned_to",
        ReferenceResolver.resolve(client, Target.USER, "assignedTo", assign.assignedTo()));
    putIfPresent(fields, "work_notes", assign.workNote());
    return patch(client, assign.incident(), fields);
  }

  private IncidentResult hold(ServiceNowClient client, Hold hold) {
    if (hold.holdReason() == HoldReason.AWAITING_CALLER && isBlank(hold.comment())) {
      // ServiceNow's form makes "Additional comments" mandatory here: the caller must learn what is needed
      throw new ConnectorInputException(
          "Putting an incident on hold awaiting the caller needs a comment to the caller (hold.comment)");
    }
    Map<String, Object> fields = state(IncidentState.ON_HOLD);
    fields.put("hold_reason", hold.holdReason().value());
    return patch(client, hold.incident(), withJournal(fields, hold.comment(), hold.workNote()));
  }

  private IncidentResult resolve(ServiceNowClient client, Resolve resolve) {
    // checked before the incident is even looked up: an invalid code must not leave any trace
    String closeCode = closeCodes.check(client, resolve.closeCode());
    Map<String, Object> fields = state(IncidentState.RESOLVED);
    fields.put("close_code", closeCode);
    fields.put("close_notes", resolve.closeNotes());
    putIfPresent(fields, "comments", resolve.comment());
    return patch(client, resolve.incident(), fields);
  }

  private IncidentResult close(ServiceNowClient client, Close close) {
    Map<String, Object> fields = state(IncidentState.CLOSED);
    if (!isBlank(close.closeCode())) {
      fields.put("close_code", closeCodes.check(client, close.closeCode()));
    }
    putIfPresent(fields, "close_notes", close.closeNotes());
    return patch(client, close.incident(), fields);
  }

  /** PATCH by sys_id, or by number after looking the sys_id up. */
  private IncidentResult patch(ServiceNowClient client, String incident, Map<String, Object> fields) {
    String id = incident.strip();
    String sysId = ReferenceResolver.isSysId(id) ? id.toLowerCase() : lookUpSysId(client, id);
    ObjectNode updated;
    try {
      updated = client.table().update(TABLE, sysId, fields, WRITE_ALL);
    } catch (ServiceNowException e) {
      if (!AMBIGUOUS.contains(e.code()) || !writesJournal(fields)) {
        throw e; // without a journal field the PATCH is idempotent and the client already retried it
      }
      return journalWriteOutcome(client, sysId, fields, e);
    }
    return IncidentRecords.toResult(updated, client.connection().baseUrl());
  }

  private static boolean writesJournal(Map<String, Object> fields) {
    return fields.keySet().stream().anyMatch(JOURNAL_FIELDS::contains);
  }

  /**
   * A PATCH that appends a comment or work note failed after it was sent. The client does not repeat it
   * (a repeat would append the text twice), so look once: if the incident already has the other fields'
   * new values and, among its newest journal entries, the text, the write was applied and the incident is
   * returned; if it clearly was not, a retry is safe. If we cannot tell (no read access to
   * sys_journal_field), the original error stands.
   */
  private IncidentResult journalWriteOutcome(
      ServiceNowClient client, String sysId, Map<String, Object> fields, ServiceNowException original) {
    IncidentResult current;
    List<JournalEntry> recent;
    try {
      current = read(client, sysId);
      recent = journal(client, sysId, 20);
    } catch (RuntimeException lookupFailed) {
      throw original;
    }
    boolean fieldsApplied =
        fields.entrySet().stream()
            .filter(f -> !JOURNAL_FIELDS.contains(f.getKey()))
            .allMatch(f -> String.valueOf(f.getValue()).equals(String.valueOf(current.record().get(f.getKey()))));
    boolean journalApplied =
        fields.entrySet().stream()
            .filter(f -> JOURNAL_FIELDS.contains(f.getKey()))
            .allMatch(f -> recent.stream().anyMatch(
                j -> j.element().equals(f.getKey()) && j.value().equals(String.valueOf(f.getValue()))));
    if (fieldsApplied && journalApplied) {
      return current;
    }
    var retry =
        ConnectorRetryException.builder()
            .errorCode(original.code().code())
            .message(original.getMessage() + " — the incident does not show the change, so retrying is safe")
            .cause(original);
    original.suggestedWait().ifPresent(retry::backoffDuration);
    throw retry.build();
  }

  private String lookUpSysId(ServiceNowClient client, String number) {
    Page page =
        client
            .table()
            .query(
                TABLE,
                QuerySpec.where(Condition.eq("number", number)),
                ReadOptions.builder().fields("sys_id").excludeReferenceLink(true).build(),
                1,
                0);
    return page.records().stream().findFirst().map(r -> r.path("sys_id").asText()).orElseThrow(() -> notFound(number));
  }

  // ------------------------------------------------------------------ helpers

  private static RuntimeException notFound(String incident) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("code", ErrorCode.SERVICENOW_NOT_FOUND.code());
    vars.put("httpStatus", 404);
    vars.put("incident", incident);
    return ConnectorErrors.failure(
        ErrorCode.SERVICENOW_NOT_FOUND.code(), "No incident '" + incident + "' (or an ACL hides it)", vars);
  }

  private static Map<String, Object> state(IncidentState state) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("state", state.value());
    return fields;
  }

  private static Map<String, Object> fields(String name, String value) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(name, value);
    return fields;
  }

  private static Map<String, Object> withJournal(Map<String, Object> fields, String comment, String workNote) {
    putIfPresent(fields, "comments", comment);
    putIfPresent(fields, "work_notes", workNote);
    return fields;
  }

  private static String required(String value) {
    if (isBlank(value)) {
      throw new ConnectorInputException("The text must not be empty");
    }
    return value;
  }

  private static void putLevel(Map<String, Object> fields, String name, Level level) {
    if (level != null) {
      fields.put(name, level.value());
    }
  }

  private static void putIfPresent(Map<String, Object> fields, String name, String value) {
    if (!isBlank(value)) {
      fields.put(name, value);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static void checkFieldNames(String input, Map<String, Object> fields) {
    if (fields == null) {
      return;
    }
    for (String name : fields.keySet()) {
      if (name == null || !FIELD_NAME.matcher(name).matches()) {
        throw new ConnectorInputException(
            "Invalid input '" + input + "': '" + name + "' is not a ServiceNow field name (lower-case letters, digits, '_')");
      }
    }
  }

  /** Values that end up in a query must pass the client's injection checks before anything is sent. */
  private static void precheck(String input, String value) {
    if (isBlank(value) || ReferenceResolver.isSysId(value)) {
      return;
    }
    try {
      Condition.eq("name", value.strip());
    } catch (ServiceNowInputException e) {
      throw new ConnectorInputException("Invalid input '" + input + "': " + e.getMessage(), e);
    }
  }
}

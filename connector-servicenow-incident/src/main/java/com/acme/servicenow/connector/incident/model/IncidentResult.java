package com.acme.servicenow.connector.incident.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One incident as the connector returns it.
 *
 * @param sysId the incident's sys_id
 * @param number e.g. INC0010001
 * @param state ServiceNow's state value ("1" New … "8" Canceled)
 * @param stateLabel the instance's label of that state ("In Progress")
 * @param priority the priority value the instance computed ("1" … "5")
 * @param link opens the incident in the ServiceNow UI
 * @param record every field as its raw ServiceNow value (references as sys_ids); the journal fields
 *     comments / work_notes carry their display text (all entries, newest first)
 * @param displayValues every field's display value (labels, referenced records' names)
 * @param created only for the create operations: true when this job created the incident, false when
 *     an incident with the correlation id already existed
 * @param correlationId only for the create operations: the correlation_id used
 * @param journal only for get with "include comments and work notes": the entries, newest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentResult(
    String sysId,
    String number,
    String state,
    String stateLabel,
    String priority,
    String link,
    Map<String, Object> record,
    Map<String, Object> displayValues,
    Boolean created,
    String correlationId,
    List<JournalEntry> journal) {

  public IncidentResult withCreated(boolean value, String usedCorrelationId) {
    return new IncidentResult(
        sysId, number, state, stateLabel, priority, link, record, displayValues, value, usedCorrelationId, journal);
  }

  public IncidentResult withJournal(List<JournalEntry> entries) {
    return new IncidentResult(
        sysId, number, state, stateLabel, priority, link, record, displayValues, created, correlationId, entries);
  }

  /** One comment or work note ({@code sys_journal_field} row). */
  public record JournalEntry(String element, String value, String createdOn, String createdBy) {}
}

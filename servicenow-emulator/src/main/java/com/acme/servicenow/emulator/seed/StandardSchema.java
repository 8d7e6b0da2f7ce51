package com.acme.servicenow.emulator.seed;

import com.acme.servicenow.emulator.data.Schema;
import com.acme.servicenow.emulator.data.TableSchema;

/** Dictionaries of the out-of-box tables the emulator knows (a useful subset of each table's columns). */
public final class StandardSchema {

  private StandardSchema() {
  }

  public static Schema create() {
    Schema s = new Schema();
    s.add(TableSchema.builder("sys_user").display("name")
        .string("user_name", "name", "first_name", "last_name", "email", "title", "phone", "mobile_phone",
            "employee_number", "time_zone")
        .bool("active", "locked_out", "web_service_access_only")
        .reference("manager", "sys_user").reference("department", "cmn_department")
        .reference("location", "cmn_location").reference("company", "core_company").build());
    s.add(TableSchema.builder("sys_user_group").display("name")
        .string("name", "description", "email", "type").bool("active")
        .reference("manager", "sys_user").reference("parent", "sys_user_group").build());
    s.add(TableSchema.builder("sys_user_grmember").display("sys_id")
        .reference("user", "sys_user").reference("group", "sys_user_group").build());
    s.add(TableSchema.builder("cmn_location").display("name")
        .string("name", "street", "city", "state", "zip", "country", "latitude", "longitude")
        .reference("parent", "cmn_location").build());
    s.add(TableSchema.builder("cmn_department").display("name").string("name", "id", "description")
        .reference("head", "sys_user").build());
    s.add(TableSchema.builder("core_company").display("name").string("name", "stock_symbol", "city", "country")
        .bool("vendor", "customer", "manufacturer").build());
    s.add(TableSchema.builder("cmdb_ci").display("name")
        .string("name", "short_description", "serial_number", "ip_address", "fqdn", "asset_tag", "category",
            "subcategory", "model_number")
        .choice("operational_status", "install_status")
        .reference("location", "cmn_location").reference("assigned_to", "sys_user")
        .reference("support_group", "sys_user_group").reference("managed_by", "sys_user")
        .reference("company", "core_company").build());

    TableSchema task = TableSchema.builder("task").display("number").number("TASK")
        .string("short_description", "description", "correlation_id", "correlation_display", "work_notes_list",
            "watch_list")
        .choice("state", "priority", "impact", "urgency", "approval", "contact_type")
        .bool("active", "made_sla")
        .reference("assigned_to", "sys_user").reference("assignment_group", "sys_user_group")
        .reference("opened_by", "sys_user").reference("closed_by", "sys_user")
        .reference("cmdb_ci", "cmdb_ci").reference("location", "cmn_location").reference("company", "core_company")
        .reference("parent", "task")
        .dateTime("opened_at", "closed_at", "due_date", "expected_start", "work_start", "work_end")
        .stringLabeled("close_notes", "Resolution notes")
        .journal("comments", "work_notes", "comments_and_work_notes")
        .build();
    s.add(task);

    s.add(TableSchema.builder("incident").extendsTable("task").display("number").fields(task).number("INC")
        .reference("caller_id", "sys_user").choice("category", "subcategory").choice("incident_state", "severity")
        .choice("hold_reason").choiceLabeled("close_code", "Resolution code").stringLabeled("close_notes", "Resolution notes")
        .dateTime("resolved_at").reference("resolved_by", "sys_user")
        .reference("problem_id", "problem").reference("parent_incident", "incident")
        .reference("rfc", "change_request").reference("caused_by", "change_request")
        .integer("reassignment_count", "reopen_count").choice("escalation", "notify")
        .build());
    s.add(TableSchema.builder("problem").extendsTable("task").display("number").fields(task).number("PRB")
        .choice("problem_state", "category", "subcategory", "resolution_code")
        .bool("known_error").string("cause_notes", "fix_notes", "workaround")
        .reference("first_reported_by_task", "task").dateTime("resolved_at").reference("resolved_by", "sys_user")
        .build());
    s.add(TableSchema.builder("change_request").extendsTable("task").display("number").fields(task).number("CHG")
        .choice("type", "risk", "category", "phase", "close_code")
        .string("justification", "implementation_plan", "backout_plan", "test_plan")
        .reference("requested_by", "sys_user").dateTime("start_date", "end_date")
        .build());
    s.add(TableSchema.builder("change_task").extendsTable("task").display("number").fields(task).number("CTASK")
        .reference("change_request", "change_request").choice("change_task_type")
        .dateTime("planned_start_date", "planned_end_date").build());
    s.add(TableSchema.builder("sc_cat_item").display("name")
        .string("name", "short_description", "description", "category", "price", "sc_catalogs").bool("active")
        .build());
    s.add(TableSchema.builder("sc_request").extendsTable("task").display("number").fields(task).number("REQ")
        .reference("requested_for", "sys_user").choice("request_state", "stage").string("price", "special_instructions")
        .build());
    s.add(TableSchema.builder("sc_req_item").extendsTable("task").display("number").fields(task).number("RITM")
        .reference("request", "sc_request").reference("cat_item", "sc_cat_item").reference("requested_for", "sys_user")
        .integer("quantity").choice("stage").string("price", "variables").build());
    s.add(TableSchema.builder("sc_task").extendsTable("task").display("number").fields(task).number("SCTASK")
        .reference("request_item", "sc_req_item").reference("request", "sc_request").build());

    s.add(TableSchema.builder("sys_choice").display("label")
        .string("name", "element", "value", "label", "language", "dependent_value").integer("sequence")
        .bool("inactive").build());
    s.add(TableSchema.builder("sys_journal_field").display("value")
        .string("element_id", "element", "value", "name").build());
    s.add(TableSchema.builder("sys_attachment").display("file_name")
        .string("table_name", "table_sys_id", "file_name", "content_type", "size_bytes", "size_compressed",
            "compressed", "image_width", "image_height", "average_image_color", "sys_tags", "hash", "state",
            "download_link")
        .build());
    s.add(TableSchema.builder("sys_flow_context").display("name")
        .string("name", "flow", "flow_version", "run_time", "source_record", "source_table", "error_message",
            "execution_id", "calling_source", "inputs", "context_type")
        .choice("state").bool("reporting").dateTime("started", "ended").build());
    s.add(TableSchema.builder("sys_flow_log").display("message")
        .reference("context", "sys_flow_context").string("message", "level", "action", "operation").build());
    s.add(TableSchema.builder("sys_properties").display("name")
        .string("name", "value", "type", "description", "suffix").bool("ignore_cache", "is_private").build());
    return s;
  }
}

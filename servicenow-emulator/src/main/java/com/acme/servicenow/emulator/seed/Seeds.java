package com.acme.servicenow.emulator.seed;

import com.acme.servicenow.emulator.FlowDefinition;
import com.acme.servicenow.emulator.FlowType;
import com.acme.servicenow.emulator.auth.AuthService;
import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.data.GlideTime;
import com.acme.servicenow.emulator.data.SysIds;
import com.acme.servicenow.emulator.table.RecordWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed data. Every seed has the dictionary data of an instance (choices, properties) and a sys_user row per login
 * user; {@code demo} adds a small realistic data set. sys_ids are derived from stable keys so they are the same
 * after every {@code reset()}.
 */
public final class Seeds {

  public static final String STANDARD_LAPTOP = "04b7e94b4f7b4200086eeed18110c7fd";

  private final EmulatorContext ctx;
  private final RecordWriter writer;
  private Instant now;

  public Seeds(EmulatorContext ctx, RecordWriter writer) {
    this.ctx = ctx;
    this.writer = writer;
  }

  /** Flows of the demo seed. */
  public static List<FlowDefinition> demoFlows() {
    return List.of(
        FlowDefinition.named("global.provision_vm").completesAfter(Duration.ofSeconds(2))
            .withOutputs(map("vm_name", "vm-demo-01", "ip_address", "10.0.5.42")),
        FlowDefinition.named("global.always_fails").failsAfter(Duration.ofSeconds(1),
            "Provisioning backend unreachable"),
        FlowDefinition.named("global.wait_for_approval").waitsFor("ASK_FOR_APPROVAL"),
        FlowDefinition.named("global.notify_team").type(FlowType.FLOW).completesAfter(Duration.ofMillis(500))
            .withOutputs(map("notified", true)).restTrigger("POST", "/api/x_acme/notify"));
  }

  public static boolean isKnown(String seed) {
    return "demo".equals(seed) || "empty".equals(seed);
  }

  public void apply(String seed) {
    now = ctx.clock.now();
    choices();
    properties();
    for (AuthService.UserAccount account : ctx.auth.users().values()) {
      String name = account.name().equals("admin") ? "System Administrator" : account.name();
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("sys_id", EmulatorContext.userSysId(account.name()));
      fields.put("user_name", account.name());
      fields.put("name", name);
      fields.put("first_name", account.name().equals("admin") ? "System" : account.name());
      fields.put("last_name", account.name().equals("admin") ? "Administrator" : "");
      fields.put("email", account.name() + "@example.com");
      fields.put("active", "true");
      insert("sys_user", fields);
    }
    if ("demo".equals(seed)) {
      demo();
    }
  }

  // ---------------------------------------------------------------- dictionary data

  private void choices() {
    String[][] incidentStates = {{"1", "New"}, {"2", "In Progress"}, {"3", "On Hold"}, {"6", "Resolved"},
        {"7", "Closed"}, {"8", "Canceled"}};
    String[][] impact = {{"1", "1 - High"}, {"2", "2 - Medium"}, {"3", "3 - Low"}};
    String[][] priority = {{"1", "1 - Critical"}, {"2", "2 - High"}, {"3", "3 - Moderate"}, {"4", "4 - Low"},
        {"5", "5 - Planning"}};
    String[][] taskStates = {{"-5", "Pending"}, {"1", "Open"}, {"2", "Work in Progress"}, {"3", "Closed Complete"},
        {"4", "Closed Incomplete"}, {"7", "Closed Skipped"}};
    String[][] approval = {{"not requested", "Not Yet Requested"}, {"requested", "Requested"},
        {"approved", "Approved"}, {"rejected", "Rejected"}};
    choice("incident", "state", incidentStates);
    choice("incident", "incident_state", incidentStates);
    choice("incident", "hold_reason", new String[][] {{"1", "Awaiting Caller"}, {"3", "Awaiting Problem"},
        {"4", "Awaiting Vendor"}, {"5", "Awaiting Change"}});
    String[] closeCodes = {"Duplicate", "Known error", "No resolution provided", "Resolved by caller",
        "Resolved by change", "Resolved by problem", "Resolved by request", "Solution provided",
        "Workaround provided", "User error"};
    String[][] cc = new String[closeCodes.length][];
    for (int i = 0; i < closeCodes.length; i++) {
      cc[i] = new String[] {closeCodes[i], closeCodes[i]};
    }
    choice("incident", "close_code", cc);
    choice("incident", "category", new String[][] {{"inquiry", "Inquiry / Help"}, {"software", "Software"},
        {"hardware", "Hardware"}, {"network", "Network"}, {"database", "Database"}});
    choice("incident", "severity", impact);
    for (String t : new String[] {"incident", "problem", "change_request", "sc_request", "sc_req_item", "sc_task",
        "change_task"}) {
      choice(t, "impact", impact);
      choice(t, "urgency", impact);
      choice(t, "priority", priority);
      choice(t, "approval", approval);
      choice(t, "contact_type", new String[][] {{"email", "Email"}, {"phone", "Phone"},
          {"self-service", "Self-service"}, {"walk-in", "Walk-in"}, {"virtual_agent", "Virtual Agent"}});
    }
    choice("problem", "state", new String[][] {{"101", "New"}, {"102", "Assess"}, {"103", "Root Cause Analysis"},
        {"104", "Fix in Progress"}, {"106", "Resolved"}, {"107", "Closed"}});
    choice("change_request", "state", new String[][] {{"-5", "New"}, {"-4", "Assess"}, {"-3", "Authorize"},
        {"-2", "Scheduled"}, {"-1", "Implement"}, {"0", "Review"}, {"3", "Closed"}, {"4", "Canceled"}});
    choice("change_request", "type", new String[][] {{"standard", "Standard"}, {"normal", "Normal"},
        {"emergency", "Emergency"}});
    choice("change_request", "risk", new String[][] {{"2", "High"}, {"3", "Moderate"}, {"4", "Low"}});
    for (String t : new String[] {"change_task", "sc_request", "sc_req_item", "sc_task"}) {
      choice(t, "state", taskStates);
    }
    choice("sc_request", "request_state", new String[][] {{"requested", "Pending Approval"},
        {"in_process", "Approved"}, {"closed_complete", "Closed Complete"}, {"closed_incomplete", "Closed Incomplete"},
        {"closed_cancelled", "Closed Cancelled"}, {"closed_rejected", "Closed Rejected"}});
    choice("sc_req_item", "stage", new String[][] {{"waiting_for_approval", "Waiting for Approval"},
        {"request_approved", "Request Approved"}, {"fulfillment", "Fulfillment"}, {"delivery", "Delivery"},
        {"complete", "Completed"}, {"Request Cancelled", "Request Cancelled"}});
    choice("sys_flow_context", "state", new String[][] {{"QUEUED", "Queued"}, {"IN_PROGRESS", "In Progress"},
        {"WAITING", "Waiting"}, {"COMPLETE", "Completed"}, {"CANCELLED", "Cancelled"}, {"ERROR", "Error"}});
    choice("cmdb_ci", "operational_status", new String[][] {{"1", "Operational"}, {"2", "Non-Operational"},
        {"3", "Repair in Progress"}, {"6", "Retired"}});
    choice("cmdb_ci", "install_status", new String[][] {{"1", "Installed"}, {"2", "On Order"}, {"3", "In Maintenance"},
        {"6", "In Stock"}, {"7", "Retired"}});
  }

  private void choice(String table, String element, String[][] valuesAndLabels) {
    int sequence = 0;
    for (String[] vl : valuesAndLabels) {
      insert("sys_choice", map("sys_id", SysIds.derived("sys_choice:" + table + ":" + element + ":" + vl[0]),
          "name", table, "element", element, "value", vl[0], "label", vl[1], "language", "en",
          "sequence", Integer.toString(sequence++), "inactive", "false"));
    }
  }

  private void properties() {
    property("glide.invalid_query.returns_no_rows", Boolean.toString(ctx.invalidQueryReturnsNoRows), "true|false");
    property("glide.oauth.inbound.client.credential.grant_type.enabled", "false", "true|false");
    property("com.glide.attachment.max_size", "1024", "integer");
    property("glide.rest.debug", "false", "true|false");
  }

  private void property(String name, String value, String type) {
    insert("sys_properties", map("sys_id", SysIds.derived("sys_properties:" + name), "name", name, "value", value,
        "type", type));
  }

  // ---------------------------------------------------------------- demo data

  private void demo() {
    String sd = location("San Diego", "3 Apple Way", "San Diego", "CA", "USA");
    String london = location("London", "1 Fleet Street", "London", "", "UK");
    String ams = location("Amsterdam", "Herengracht 1", "Amsterdam", "", "Netherlands");

    String beth = user("beth.anglin", "Beth Anglin", "Beth", "Anglin", "IT Manager", sd, "");
    String abel = user("abel.tuter", "Abel Tuter", "Abel", "Tuter", "Sales Representative", sd, beth);
    String david = user("david.loo", "David Loo", "David", "Loo", "Network Engineer", london, beth);
    String fred = user("fred.luddy", "Fred Luddy", "Fred", "Luddy", "Software Engineer", sd, beth);
    String don = user("don.goodliffe", "Don Goodliffe", "Don", "Goodliffe", "Database Administrator", ams, beth);
    String bud = user("bud.richman", "Bud Richman", "Bud", "Richman", "Help Desk Agent", london, beth);
    user("itil", "ITIL User", "ITIL", "User", "Service Desk", sd, beth);

    String serviceDesk = group("Service Desk", "First line support", beth);
    String network = group("Network", "Network operations", david);
    String hardware = group("Hardware", "Desktop and server hardware", beth);
    String database = group("Database", "Database administration", don);
    String software = group("Software", "Application support", fred);
    member(bud, serviceDesk);
    member(david, network);
    member(don, database);
    member(fred, software);
    member(beth, hardware);

    String exch = ci("EXCH-SD-05", "Exchange server, San Diego", "10.0.0.5", sd, software);
    String lnux = ci("lnux100", "Linux web server", "10.0.0.100", london, hardware);
    String sap = ci("SAP-PROD-01", "SAP production database", "10.0.1.10", ams, database);
    String router = ci("CORE-RTR-01", "Core router, London", "10.0.0.1", london, network);

    String p1 = insert("problem", map("sys_id", id("problem", "PRB0000001"), "number", "PRB0000001",
        "short_description", "Intermittent mail delivery delays", "state", "102", "impact", "2", "urgency", "2",
        "assignment_group", software, "assigned_to", fred, "cmdb_ci", exch, "opened_at", ago(30))).get("sys_id");
    String chg = insert("change_request", map("sys_id", id("change_request", "CHG0000001"), "number", "CHG0000001",
        "short_description", "Upgrade core router firmware", "state", "-2", "type", "normal", "risk", "3",
        "impact", "2", "urgency", "2", "assignment_group", network, "assigned_to", david, "cmdb_ci", router,
        "requested_by", beth, "start_date", ahead(3), "end_date", ahead(4), "opened_at", ago(5))).get("sys_id");
    insert("change_task", map("sys_id", id("change_task", "CTASK0000001"), "number", "CTASK0000001",
        "short_description", "Back up router configuration", "state", "1", "change_request", chg,
        "assignment_group", network, "opened_at", ago(5)));

    incident("INC0000001", "Email server is down", "1", "1", "2", abel, software, fred, exch, "software", 12,
        map("problem_id", p1, "work_notes", "Checked the queue: 4,000 messages waiting."));
    incident("INC0000002", "Network storage unavailable", "1", "2", "1", david, network, "", router, "network", 9,
        map());
    incident("INC0000003", "Wireless access is down in my area", "2", "1", "2", abel, network, david, router,
        "network", 7, map("comments", "It started after the office move."));
    incident("INC0000004", "Can't launch 64-bit Windows 7 virtual machine", "2", "2", "3", fred, hardware, beth,
        lnux, "hardware", 6, map("hold_reason", "1"));
    incident("INC0000005", "SAP Sales app is not accessible", "1", "1", "6", don, database, don, sap, "database", 20,
        map("close_code", "Solution provided", "close_notes", "Restarted the application server.",
            "resolved_at", ago(15), "resolved_by", don));
    incident("INC0000006", "Unable to connect to VPN", "3", "2", "7", bud, serviceDesk, bud, "", "network", 40,
        map("close_code", "Resolved by caller", "close_notes", "Caller reinstalled the VPN client.",
            "resolved_at", ago(35), "resolved_by", bud, "closed_at", ago(32), "closed_by", bud, "active", "false"));
    incident("INC0000007", "Printer jams on every second page", "3", "3", "2", abel, hardware, "", "", "hardware", 3,
        map());
    incident("INC0000008", "Request for a new monitor", "3", "3", "1", fred, serviceDesk, "", "", "inquiry", 1,
        map());

    insert("sc_cat_item", map("sys_id", STANDARD_LAPTOP, "name", "Standard Laptop",
        "short_description", "Lenovo - Carbon x1", "category", "Hardware", "price", "1100.00", "active", "true"));
    String req = insert("sc_request", map("sys_id", id("sc_request", "REQ0000001"), "number", "REQ0000001",
        "short_description", "Standard Laptop", "requested_for", abel, "opened_by", abel,
        "request_state", "in_process", "approval", "approved", "opened_at", ago(4))).get("sys_id");
    insert("sc_req_item", map("sys_id", id("sc_req_item", "RITM0000001"), "number", "RITM0000001",
        "short_description", "Standard Laptop", "request", req, "cat_item", STANDARD_LAPTOP, "requested_for", abel,
        "quantity", "1", "stage", "fulfillment", "approval", "approved", "opened_at", ago(4)));
  }

  private void incident(String number, String shortDescription, String impact, String urgency, String state,
                        String caller, String group, String assignee, String ci, String category, int daysAgo,
                        Map<String, Object> extra) {
    Map<String, Object> fields = map("sys_id", id("incident", number), "number", number,
        "short_description", shortDescription, "description", shortDescription + ".", "impact", impact,
        "urgency", urgency, "state", state, "caller_id", caller, "opened_by", caller, "assignment_group", group,
        "assigned_to", assignee, "cmdb_ci", ci, "category", category, "contact_type", "email",
        "opened_at", ago(daysAgo), "sys_created_on", ago(daysAgo), "sys_updated_on", ago(Math.max(0, daysAgo - 1)));
    fields.putAll(extra);
    insert("incident", fields);
  }

  private String location(String name, String street, String city, String state, String country) {
    return insert("cmn_location", map("sys_id", id("cmn_location", name), "name", name, "street", street,
        "city", city, "state", state, "country", country)).get("sys_id");
  }

  private String user(String userName, String name, String first, String last, String title, String location,
                      String manager) {
    return insert("sys_user", map("sys_id", EmulatorContext.userSysId(userName), "user_name", userName,
        "name", name, "first_name", first, "last_name", last, "email", userName + "@example.com", "title", title,
        "location", location, "manager", manager, "active", "true")).get("sys_id");
  }

  private String group(String name, String description, String manager) {
    return insert("sys_user_group", map("sys_id", id("sys_user_group", name), "name", name,
        "description", description, "manager", manager, "active", "true", "type", "itil")).get("sys_id");
  }

  private void member(String user, String group) {
    insert("sys_user_grmember", map("sys_id", id("sys_user_grmember", user + group), "user", user, "group", group));
  }

  private String ci(String name, String description, String ip, String location, String group) {
    return insert("cmdb_ci", map("sys_id", id("cmdb_ci", name), "name", name, "short_description", description,
        "ip_address", ip, "location", location, "support_group", group, "operational_status", "1",
        "install_status", "1")).get("sys_id");
  }

  private static String id(String table, String key) {
    return SysIds.derived("demo:" + table + ":" + key);
  }

  private String ago(int days) {
    return GlideTime.format(now.minus(Duration.ofDays(days)));
  }

  private String ahead(int days) {
    return GlideTime.format(now.plus(Duration.ofDays(days)));
  }

  private Map<String, String> insert(String table, Map<String, Object> fields) {
    Map<String, String> input = new LinkedHashMap<>();
    fields.forEach((k, v) -> input.put(k, v == null ? "" : v.toString()));
    return writer.insert(ctx.table(table), input, null, RecordWriter.Options.TRUSTED);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}

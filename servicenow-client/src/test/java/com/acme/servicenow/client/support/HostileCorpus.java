package com.acme.servicenow.client.support;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.Operator;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.ReadOptions;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Injection attempts; each must be rejected with an INVALID_INPUT error before any request. */
public final class HostileCorpus {

  public record Attempt(String name, Consumer<ServiceNowClient> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String SYS_ID = "0123456789abcdef0123456789abcdef";



  private static Attempt cond(String name, String field, Operator op, Object value) {
    return new Attempt(name, client ->
        client.table().query("incident", QuerySpec.where(Condition.of(field, op, value)), null, 10, 0));
  }

  public static List<Attempt> all() {
    return List.of(
        cond("caret NQ", "short_description", Operator.EQUALS, "x^NQactive=true"),
        cond("caret OR", "short_description", Operator.EQUALS, "x^ORactive=true"),
        cond("caret AND", "number", Operator.EQUALS, "INC0010001^active=false"),
        cond("caret ORDERBY", "number", Operator.EQUALS, "x^ORDERBYsys_id"),
        cond("caret EQ", "number", Operator.CONTAINS, "abc^EQ"),
        cond("caret RLQUERY", "number", Operator.STARTS_WITH, "a^RLQUERYsys_user.x,>0^ENDRLQUERY"),
        cond("lone caret", "number", Operator.ENDS_WITH, "^"),
        cond("newline", "short_description", Operator.EQUALS, "x\nactive=true"),
        cond("carriage return", "short_description", Operator.EQUALS, "x\r\nactive=true"),
        cond("NUL", "short_description", Operator.EQUALS, "x\u0000y"),
        cond("tab", "short_description", Operator.EQUALS, "x\ty"),
        cond("unicode line separator", "short_description", Operator.EQUALS, "x\u2028y"),
        cond("javascript", "caller_id", Operator.EQUALS, "javascript:gs.getUserID()"),
        cond("JavaScript upper", "caller_id", Operator.EQUALS, "JAVASCRIPT:gs.getUserID()"),
        cond("javascript leading spaces", "caller_id", Operator.EQUALS, "   javascript:gs.getUserID()"),
        cond("javascript in LIKE", "short_description", Operator.CONTAINS, "javascript:new GlideRecord('sys_user')"),
        cond("comma in IN item", "priority", Operator.IN, List.of("1,2,3")),
        cond("comma in NOT IN item", "priority", Operator.NOT_IN, List.of("1", "2,5")),
        cond("caret in IN item", "sys_id", Operator.IN, List.of("a", "b^NQactive=false")),
        cond("at in BETWEEN", "sys_created_on", Operator.BETWEEN, List.of("2024-01-01@2025", "2026-01-01")),
        cond("at in BETWEEN upper", "priority", Operator.BETWEEN, List.of("1", "5@javascript:x")),
        cond("BETWEEN one bound", "priority", Operator.BETWEEN, List.of("1")),
        cond("value for ISEMPTY", "assigned_to", Operator.IS_EMPTY, "x^NQactive=true"),
        cond("field with caret", "short_description^NQactive", Operator.EQUALS, "x"),
        cond("field with equals", "active=true^ORnumber", Operator.EQUALS, "x"),
        cond("field with space", "short description", Operator.EQUALS, "x"),
        cond("field upper-case operator smuggle", "numberLIKE", Operator.EQUALS, "x"),
        cond("field empty", "", Operator.EQUALS, "x"),
        cond("field trailing dot", "caller_id.", Operator.EQUALS, "x"),
        cond("null value", "number", Operator.EQUALS, null),
        cond("map value", "number", Operator.EQUALS, Map.of("a", "b")),
        new Attempt("table with slash", c -> c.table().query("incident/../sys_user", QuerySpec.all(), null, 10, 0)),
        new Attempt("table with query", c -> c.table().query("incident?sysparm_query=x", QuerySpec.all(), null, 10, 0)),
        new Attempt("table upper-case", c -> c.table().query("Incident", QuerySpec.all(), null, 10, 0)),
        new Attempt("sys_id with slash", c -> c.table().get("incident", "../sys_user/" + SYS_ID, null)),
        new Attempt("sys_id short", c -> c.table().get("incident", "abc", null)),
        new Attempt("sys_id upper-case", c -> c.table().delete("incident", SYS_ID.toUpperCase())),
        new Attempt("sys_id with query", c -> c.table().update("incident", SYS_ID + "?x=1", Map.of("a", "b"), null)),
        new Attempt("fields with caret", c -> c.table().query("incident", QuerySpec.all(),
            ReadOptions.builder().fields("number^NQ").build(), 10, 0)),
        new Attempt("order by injection", c -> c.table().query("incident", QuerySpec.all().orderBy("number^NQactive=true", false), null, 10, 0)),
        new Attempt("write field with dot", c -> c.table().create("incident", Map.of("caller_id.name", "x"), null)),
        new Attempt("attachment file name with slash", c -> c.attachments().upload("incident", SYS_ID, "../../etc/passwd",
            "text/plain", new ByteArrayInputStream(new byte[1]), 1)),
        new Attempt("attachment content type with newline", c -> c.attachments().upload("incident", SYS_ID, "a.txt",
            "text/plain\r\nX-Evil: 1", new ByteArrayInputStream(new byte[1]), 1)),
        new Attempt("flow name with slash", c -> c.flows().start(com.acme.servicenow.client.flow.FlowType.FLOW,
            "global/../x", Map.of(), false, null)),
        new Attempt("execution id with caret", c -> c.flows().findContextByExecutionId("abc^NQactive=true")),
        new Attempt("aggregate group by injection", c -> c.aggregate().aggregate("incident", QuerySpec.all(),
            List.of("priority^NQ"), null, null, null, null)),
        new Attempt("raw api path outside /api", c -> c.send(com.acme.servicenow.client.ApiRequest.of("GET", "/oauth_token.do", null))),
        new Attempt("raw api path traversal", c -> c.send(com.acme.servicenow.client.ApiRequest.of("GET", "/api/../oauth_token.do", null))),
        new Attempt("raw api authorization header", c -> c.send(new com.acme.servicenow.client.ApiRequest("GET",
            "/api/x/y", null, Map.of("Authorization", "Basic eA=="), null, null))));
  }

  private HostileCorpus() {}
}

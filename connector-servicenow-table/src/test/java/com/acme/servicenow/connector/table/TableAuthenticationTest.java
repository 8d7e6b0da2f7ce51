package com.acme.servicenow.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.harness.ElementTemplateInvocation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared authentication choices of the template work end to end with secrets. */
class TableAuthenticationTest extends TableConnectorTestSupport {

  private static ElementTemplateInvocation get(String sysId) {
    return task("get").set("operation.getSysId", sysId).set("options.fields", "sys_id,short_description");
  }

  @Test
  void apiKeyFromASecret() {
    String sysId = insertIncident("api key");

    Map<String, Object> result =
        result(run(get(sysId)
            .set("authentication.type", "apiKey")
            .set("authentication.apiKey", "{{secrets.SN_API_KEY}}")));

    assertThat(result).containsEntry("sysId", sysId);
    RecordedRequest request = emulator().journal().last();
    assertThat(request.user()).isEqualTo(USER);
    assertThat(request.header("x-sn-apikey")).isEqualTo(API_KEY);
  }

  @Test
  void oauthClientCredentialsFetchesATokenFromTheInstanceAndUsesItAsBearer() {
    String sysId = insertIncident("oauth");

    Map<String, Object> result =
        result(run(get(sysId)
            .set("authentication.type", "oauthClientCredentials")
            .set("authentication.ccClientId", "{{secrets.SN_CLIENT_ID}}")
            .set("authentication.ccClientSecret", "{{secrets.SN_CLIENT_SECRET}}")));

    assertThat(result).containsEntry("sysId", sysId);
    assertThat(emulator().journal().all()).extracting(RecordedRequest::path)
        .contains("/oauth_token.do", "/api/now/table/incident/" + sysId);
    assertThat(emulator().journal().last().header("Authorization")).startsWith("Bearer ");
    assertThat(emulator().journal().last().user()).isEqualTo(USER);
  }
}

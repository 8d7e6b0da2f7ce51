package com.acme.servicenow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void findsPlaceholdersAnywhereInTheVariables() {
    Object variables =
        Map.of(
            "authentication", Map.of("password", "{{secrets.SN_PW}}", "username", "{{ secrets.SN_USER }}"),
            "operation", Map.of("headers", List.of("Bearer {{secrets.TOKEN}}", "plain")));
    assertThat(Secrets.referencedIn(variables)).containsExactlyInAnyOrder("SN_PW", "SN_USER", "TOKEN");
  }

  @Test
  void resolvesFromTheEnvironmentFirstThenDefaultsAndReportsTheRest() {
    var resolution =
        Secrets.resolve(
            java.util.Set.of("A", "B", "C"), Map.of("A", "from-env")::get, Map.of("A", "default-a", "B", "default-b"));
    assertThat(resolution.secrets().values()).containsEntry("A", "from-env").containsEntry("B", "default-b");
    assertThat(resolution.missing()).containsExactly("C");
  }

  @Test
  void masksValuesEverywhereLongestFirst() {
    Secrets secrets = Secrets.of(Map.of("A", "abc", "B", "abcdef"));
    assertThat(secrets.mask("x abcdef y abc z")).isEqualTo("x *** y *** z");
  }

  @Test
  void inputKeepsPlaceholdersButHidesLiteralCredentials() {
    Secrets secrets = Secrets.of(Map.of("X", "s3cr3t-value"));
    @SuppressWarnings("unchecked")
    Map<String, Object> shown =
        (Map<String, Object>)
            secrets.maskInput(
                Map.of(
                    "authentication",
                    Map.of(
                        "type", "oauthClientCredentials",
                        "clientId", "my-client",
                        "clientSecret", "literal-secret",
                        "tokenUrl", "https://login.example.com/oauth_token.do",
                        "password", "{{secrets.X}}"),
                    "operation", Map.of("workNote", "contains s3cr3t-value here")));
    @SuppressWarnings("unchecked")
    Map<String, Object> auth = (Map<String, Object>) shown.get("authentication");
    assertThat(auth)
        .containsEntry("type", "oauthClientCredentials")
        .containsEntry("clientId", "my-client")
        .containsEntry("clientSecret", "***")
        .containsEntry("tokenUrl", "https://login.example.com/oauth_token.do")
        .containsEntry("password", "{{secrets.X}}");
    assertThat(shown.get("operation").toString()).contains("contains *** here");
  }
}

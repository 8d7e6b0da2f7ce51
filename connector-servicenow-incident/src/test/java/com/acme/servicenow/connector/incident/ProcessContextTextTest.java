package com.acme.servicenow.connector.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.connector.incident.model.IncidentOperation.CreateFromError;
import org.junit.jupiter.api.Test;

class ProcessContextTextTest {

  private static final ProcessContext PROCESS =
      new ProcessContext("invoice-approval", 7, 2251799813685250L, 2251799813690001L, "RaiseIncident", 2251799813690009L, "acme");

  private static CreateFromError error(String code, String message) {
    return new CreateFromError(code, message, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);
  }

  @Test
  void shortDescriptionIsOneLineAndFitsServiceNowsField() {
    String text = ProcessContextText.shortDescription(error("E1", "line one\n  line two " + "x".repeat(300)), PROCESS);
    assertThat(text).startsWith("invoice-approval: E1 – line one line two xxx").hasSize(160).endsWith("…")
        .doesNotContain("\n");
    assertThat(ProcessContextText.shortDescription(error(null, "only a message"), PROCESS))
        .isEqualTo("invoice-approval: only a message");
    assertThat(ProcessContextText.shortDescription(error(" ", null), PROCESS))
        .isEqualTo("invoice-approval: error in process instance 2251799813690001");
  }

  @Test
  void descriptionCarriesTheWholeContextIncludingTheTenant() {
    String text = ProcessContextText.description(error("E1", "boom"), PROCESS);
    assertThat(text)
        .contains("Process: invoice-approval (version 7, process definition key 2251799813685250)")
        .contains("Process instance key: 2251799813690001")
        .contains("Reported by element: RaiseIncident (element instance key 2251799813690009)")
        .contains("Error code: E1")
        .contains("Error message: boom")
        .contains("Tenant: acme")
        .doesNotContain("Operate:");
  }
}

package com.acme.servicenow.connector.incident.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChoiceValueTest {

  @Test
  void acceptsTheNameTheStoredValueOrTheLabel() {
    assertThat(IncidentState.parse("on_hold")).isEqualTo(IncidentState.ON_HOLD);
    assertThat(IncidentState.parse("6")).isEqualTo(IncidentState.RESOLVED);
    assertThat(IncidentState.parse(" In Progress ")).isEqualTo(IncidentState.IN_PROGRESS);
    assertThat(HoldReason.parse("Awaiting Vendor").value()).isEqualTo("4");
    assertThat(Level.parse(2)).isEqualTo(Level.MEDIUM);
    assertThat(Level.parse("  ")).isNull();
    assertThat(Level.parse(null)).isNull();
  }

  @Test
  void rejectsUnknownChoicesListingTheValidNames() {
    assertThatThrownBy(() -> HoldReason.parse("2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'2' is not a hold reason; use one of AWAITING_CALLER, AWAITING_PROBLEM, AWAITING_VENDOR, AWAITING_CHANGE");
    assertThatThrownBy(() -> Level.parse("urgent")).hasMessageContaining("HIGH, MEDIUM, LOW");
  }
}

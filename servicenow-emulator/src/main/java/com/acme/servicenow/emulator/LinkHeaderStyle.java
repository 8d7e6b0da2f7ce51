package com.acme.servicenow.emulator;

/** The two {@code Link} header variants observed on real instances (reference A1.5). */
public enum LinkHeaderStyle {
  /**
   * Variant A: every page carries first, prev, next and last; on the first page {@code prev} points at offset
   * {@code -limit} (e.g. {@code sysparm_offset=-1}), as in the 2021 PDI capture.
   */
  ALL_RELS,
  /**
   * Variant B: {@code prev} is omitted on the first page, {@code next} on the last one, and the whole header when
   * everything fits on one page.
   */
  ONLY_APPLICABLE
}

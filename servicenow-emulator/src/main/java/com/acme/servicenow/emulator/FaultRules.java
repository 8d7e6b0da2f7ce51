package com.acme.servicenow.emulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The active fault rules; the first rule (in insertion order) that matches a request is applied. */
public final class FaultRules {

  private final CopyOnWriteArrayList<FaultRule> rules = new CopyOnWriteArrayList<>();

  public FaultRule add(FaultRule rule) {
    rule.kind(); // fail fast on a rule without an action
    rules.add(rule);
    return rule;
  }

  public void clear() {
    rules.clear();
  }

  public List<FaultRule> all() {
    return List.copyOf(rules);
  }

  /** The rule to apply to this request, consuming one shot of a {@code times(n)} rule. */
  public Optional<FaultRule> match(String method, String path, String user) {
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    for (FaultRule rule : rules) {
      if (rule.matchAndConsume(method, path, user)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }
}

package com.acme.servicenow.harness;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mockito.Answers;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

/**
 * Default answer for the mocked {@code JobClient} and every command builder it returns: records
 * each call and keeps the fluent chain going (a builder step returns the next step's mock), so the
 * harness can read back which command the runtime built and with which arguments, whatever
 * overloads the runtime happens to use.
 */
final class CommandRecorder implements Answer<Object> {

  record Call(String method, Object[] arguments) {}

  private final List<Call> calls = new ArrayList<>();

  @Override
  public synchronized Object answer(InvocationOnMock invocation) throws Throwable {
    String name = invocation.getMethod().getName();
    if (name.equals("toString") || name.equals("hashCode") || name.equals("equals")) {
      return Answers.RETURNS_DEFAULTS.answer(invocation);
    }
    calls.add(new Call(name, invocation.getArguments()));
    notifyAll();
    Class<?> returnType = invocation.getMethod().getReturnType();
    if (returnType.isInterface()) {
      if (returnType.isInstance(invocation.getMock())) {
        return invocation.getMock();
      }
      return mock(returnType, withSettings().stubOnly().defaultAnswer(this));
    }
    return Answers.RETURNS_DEFAULTS.answer(invocation);
  }

  synchronized JobOutcome awaitOutcome(
      Duration timeout, Function<Object, Map<String, Object>> toMap) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!sent()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("The runtime sent no command to the engine within " + timeout);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for the job outcome", e);
      }
    }
    return outcome(toMap);
  }

  private boolean sent() {
    return calls.stream().anyMatch(c -> c.method().equals("send"));
  }

  private JobOutcome outcome(Function<Object, Map<String, Object>> toMap) {
    String command =
        calls.stream()
            .map(Call::method)
            .filter(m -> m.startsWith("new") && m.endsWith("Command"))
            .reduce((first, second) -> second)
            .orElseThrow(() -> new AssertionError("No job command was created: " + calls));
    return switch (command) {
      case "newCompleteCommand" -> new JobOutcome.Completed(toMap.apply(last("variables")));
      case "newFailCommand" ->
          new JobOutcome.Failed(
              (Integer) last("retries"),
              (String) last("errorMessage"),
              (Duration) last("retryBackoff"),
              toMap.apply(last("variables")));
      case "newThrowErrorCommand" ->
          new JobOutcome.BpmnError(
              (String) last("errorCode"),
              (String) last("errorMessage"),
              toMap.apply(last("variables")));
      default -> throw new AssertionError("Unexpected job command " + command + ": " + calls);
    };
  }

  private Object last(String method) {
    Object value = null;
    for (Call call : calls) {
      if (call.method().equals(method) && call.arguments().length == 1) {
        value = call.arguments()[0];
      }
    }
    return value;
  }
}

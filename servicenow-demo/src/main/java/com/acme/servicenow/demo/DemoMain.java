package com.acme.servicenow.demo;

import com.acme.servicenow.emulator.ServiceNowEmulatorMain;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * {@code java -jar servicenow-demo.jar [demo | invoke ... | emulator ...]}.
 */
public final class DemoMain {

  static final String USAGE =
      """
      Usage: java -jar servicenow-demo.jar [command]

      demo (default)
          Starts the embedded ServiceNow emulator and runs a narrated scenario across the table,
          incident and flow connectors through the connector runtime's job handler.

      """
          + InvokeCommand.USAGE
          + """


      emulator [--port N] [--seed demo|empty] [--https] [--cert-out FILE] [--user name:pw[:roles]] [--bind ADDR]
          Serves the emulator standalone (default port 8080, seed demo, user admin/admin).
      """;

  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.getenv()::get));
  }

  /** Runs a command and returns its exit code ({@code emulator} returns when the server stops). */
  static int run(String[] args, PrintStream out, Function<String, String> env) throws Exception {
    List<String> list = new ArrayList<>(Arrays.asList(args));
    String command = list.isEmpty() ? "demo" : list.removeFirst();
    try {
      switch (command) {
        case "demo" -> {
          if (!list.isEmpty()) {
            throw new UsageException("demo takes no options");
          }
          return new DemoScenario(out).run().ok() ? 0 : 1;
        }
        case "invoke" -> {
          return new InvokeCommand(out, env).run(list);
        }
        case "emulator" -> {
          if (!list.contains("--seed")) {
            list.add("--seed");
            list.add("demo");
          }
          ServiceNowEmulatorMain.main(list.toArray(String[]::new));
          return 0;
        }
        case "help", "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        default -> throw new UsageException("Unknown command " + command);
      }
    } catch (UsageException e) {
      out.println(e.getMessage());
      out.println();
      out.print(USAGE);
      return 2;
    }
  }
}

package com.acme.servicenow.harness;

import com.acme.servicenow.harness.BpmnServiceTask.Mapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the job-worker tasks of BPMN files as Camunda Modeler saves them — plain DOM, no engine —
 * so example processes can be run through {@link ConnectorRuntimeHarness}.
 *
 * <pre>{@code
 * for (BpmnServiceTask task : BpmnExamples.serviceTasksInFlowOrder(file)) {
 *   JobRequest job = task.invocation().processVariables(vars).overrideInput("connection.instance", url).toJobRequest();
 *   ...
 * }
 * }</pre>
 */
public final class BpmnExamples {

  public static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  public static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

  private BpmnExamples() {}

  /** {@code docs/examples} of this project. */
  public static Path examplesDirectory() {
    return GeneratedTemplates.projectRoot().resolve("docs").resolve("examples");
  }

  /** Every {@code *.bpmn} file in {@code docs/examples}, sorted by name (empty if there is none). */
  public static List<Path> exampleFiles() {
    Path dir = examplesDirectory();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tasks with a {@code zeebe:taskDefinition}, in document order. */
  public static List<BpmnServiceTask> serviceTasks(Path bpmnFile) {
    Document document = parse(bpmnFile);
    List<BpmnServiceTask> tasks = new ArrayList<>();
    NodeList definitions = document.getElementsByTagNameNS(ZEEBE_NS, "taskDefinition");
    for (int i = 0; i < definitions.getLength(); i++) {
      Element definition = (Element) definitions.item(i);
      Node extensions = definition.getParentNode();
      if (!(extensions instanceof Element ext)
          || !BPMN_NS.equals(ext.getNamespaceURI())
          || !"extensionElements".equals(ext.getLocalName())
          || !(ext.getParentNode() instanceof Element task)) {
        throw new IllegalStateException(
            bpmnFile + ": zeebe:taskDefinition outside bpmn:extensionElements");
      }
      tasks.add(toTask(bpmnFile, task, ext, definition));
    }
    return tasks;
  }

  /**
   * The tasks in the order a token would reach them: a breadth-first walk over the sequence flows
   * from each process's start events (ignoring gateway conditions, boundary events and
   * sub-processes' inner flows, which are visited after their container). Tasks the walk does not
   * reach keep their document order at the end.
   */
  public static List<BpmnServiceTask> serviceTasksInFlowOrder(Path bpmnFile) {
    List<BpmnServiceTask> tasks = serviceTasks(bpmnFile);
    Document document = parse(bpmnFile);
    Map<String, List<String>> outgoing = new HashMap<>();
    List<String> starts = new ArrayList<>();
    NodeList flows = document.getElementsByTagNameNS(BPMN_NS, "sequenceFlow");
    for (int i = 0; i < flows.getLength(); i++) {
      Element flow = (Element) flows.item(i);
      outgoing.computeIfAbsent(flow.getAttribute("sourceRef"), k -> new ArrayList<>())
          .add(flow.getAttribute("targetRef"));
    }
    NodeList startEvents = document.getElementsByTagNameNS(BPMN_NS, "startEvent");
    for (int i = 0; i < startEvents.getLength(); i++) {
      starts.add(((Element) startEvents.item(i)).getAttribute("id"));
    }
    Set<String> visited = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(starts);
    while (!queue.isEmpty()) {
      String id = queue.removeFirst();
      if (visited.add(id)) {
        queue.addAll(outgoing.getOrDefault(id, List.of()));
      }
    }
    Map<String, Integer> rank = new HashMap<>();
    int r = 0;
    for (String id : visited) {
      rank.put(id, r++);
    }
    int unreached = r;
    List<BpmnServiceTask> ordered = new ArrayList<>(tasks);
    Map<String, Integer> documentOrder = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      documentOrder.put(tasks.get(i).elementId(), i);
    }
    ordered.sort(
        (a, b) -> {
          int ra = rank.getOrDefault(a.elementId(), unreached + documentOrder.get(a.elementId()));
          int rb = rank.getOrDefault(b.elementId(), unreached + documentOrder.get(b.elementId()));
          return Integer.compare(ra, rb);
        });
    return ordered;
  }

  private static BpmnServiceTask toTask(Path file, Element task, Element extensions, Element definition) {
    List<Mapping> inputs = new ArrayList<>();
    List<Mapping> outputs = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    for (Element child : children(extensions)) {
      if (!ZEEBE_NS.equals(child.getNamespaceURI())) {
        continue;
      }
      switch (child.getLocalName()) {
        case "ioMapping" -> {
          for (Element mapping : children(child)) {
            Mapping m = new Mapping(attribute(mapping, "source"), mapping.getAttribute("target"));
            if (m.target().isBlank()) {
              throw new IllegalStateException(file + ": " + task.getAttribute("id") + " has a mapping without target");
            }
            switch (mapping.getLocalName()) {
              case "input" -> inputs.add(m);
              case "output" -> outputs.add(m);
              default -> { }
            }
          }
        }
        case "taskHeaders" -> {
          for (Element header : children(child)) {
            if ("header".equals(header.getLocalName())) {
              headers.put(header.getAttribute("key"), header.getAttribute("value"));
            }
          }
        }
        default -> { }
      }
    }
    String templateVersion = task.getAttributeNS(ZEEBE_NS, "modelerTemplateVersion");
    return new BpmnServiceTask(
        file,
        processId(task),
        task.getAttribute("id"),
        task.getLocalName(),
        attribute(task, "name"),
        documentation(task),
        attribute(definition, "type"),
        attribute(definition, "retries"),
        inputs,
        outputs,
        headers,
        emptyToNull(task.getAttributeNS(ZEEBE_NS, "modelerTemplate")),
        templateVersion.isBlank() ? null : Integer.valueOf(templateVersion.trim()));
  }

  private static String documentation(Element task) {
    for (Element child : children(task)) {
      if (BPMN_NS.equals(child.getNamespaceURI()) && "documentation".equals(child.getLocalName())) {
        return child.getTextContent().strip();
      }
    }
    return null;
  }

  private static String processId(Element element) {
    Node node = element.getParentNode();
    while (node instanceof Element e) {
      if (BPMN_NS.equals(e.getNamespaceURI()) && "process".equals(e.getLocalName())) {
        return e.getAttribute("id");
      }
      node = e.getParentNode();
    }
    return null;
  }

  private static List<Element> children(Element parent) {
    List<Element> list = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        list.add(e);
      }
    }
    return list;
  }

  private static String attribute(Element element, String name) {
    return element.hasAttribute(name) ? element.getAttribute(name) : null;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Document parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // BPMN files are data: no DTDs, no external entities
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      // report through the exception only, not the parser's default "[Fatal Error]" on stderr
      builder.setErrorHandler(
          new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
              throw e;
            }
          });
      return builder.parse(in, file.toUri().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalStateException(file + " is not well-formed XML: " + e.getMessage(), e);
    }
  }
}

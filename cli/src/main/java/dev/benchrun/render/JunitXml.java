package dev.benchrun.render;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML in the shape Jenkins and GitLab read: {@code testsuites > testsuite[name, tests,
 * failures, errors, skipped] > testcase[classname, name, time] > failure|error[type, message]}.
 * StAX escapes every name and message; control characters, which XML 1.0 cannot hold, are shown
 * as escapes.
 */
final class JunitXml {

    /** A testsuite: one category. */
    record Suite(String name, List<Case> cases) {
        Suite {
            cases = List.copyOf(cases);
        }

        long failures() {
            return cases.stream().filter(c -> c.failure() != null).count();
        }

        long errors() {
            return cases.stream().filter(c -> c.error() != null).count();
        }

        long skipped() {
            return cases.stream().filter(c -> c.skipped() != null).count();
        }
    }

    /**
     * A testcase: one benchmark.
     *
     * @param failure null when the benchmark passed
     * @param error null unless the benchmark produced no result
     * @param output the benchmark's numbers as a line of text; null for none
     * @param skipped why the benchmark was not judged; null when it was
     * @param seconds the wall time the run spent on the benchmark; null where it was not measured
     */
    record Case(
            String classname,
            String name,
            Problem failure,
            Problem error,
            String output,
            String skipped,
            Double seconds) {
        Case(String classname, String name, Problem failure, Problem error, String output) {
            this(classname, name, failure, error, output, null, null);
        }
    }

    /** A failure or an error: its kind and the line that explains it. */
    record Problem(String type, String message) {}

    private JunitXml() {}

    /** Text XML 1.0 can hold: line breaks stay (messages have several lines), other controls become escapes. */
    private static String legal(String text) {
        return text == null
                ? null
                : java.util.Arrays.stream(text.split("\n", -1))
                        .map(Printable::visible)
                        .collect(java.util.stream.Collectors.joining("\n"));
    }

    static String render(String name, List<Suite> suites) {
        try {
            var text = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", legal(name));
            xml.writeAttribute(
                    "tests",
                    String.valueOf(
                            suites.stream().mapToInt(s -> s.cases().size()).sum()));
            xml.writeAttribute(
                    "failures",
                    String.valueOf(suites.stream().mapToLong(Suite::failures).sum()));
            xml.writeAttribute(
                    "errors",
                    String.valueOf(suites.stream().mapToLong(Suite::errors).sum()));
            for (var suite : suites) {
                suite(xml, suite);
            }
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return text + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
    }

    private static void suite(XMLStreamWriter xml, Suite suite) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", legal(suite.name()));
        xml.writeAttribute("tests", String.valueOf(suite.cases().size()));
        xml.writeAttribute("failures", String.valueOf(suite.failures()));
        xml.writeAttribute("errors", String.valueOf(suite.errors()));
        xml.writeAttribute("skipped", String.valueOf(suite.skipped()));
        for (var c : suite.cases()) {
            testcase(xml, c);
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, Case c) throws XMLStreamException {
        newline(xml, 2);
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", legal(c.classname()));
        xml.writeAttribute("name", legal(c.name()));
        // The benchmark's wall time in its run; the schema needs a time, so where none was measured
        // (a JMH file, an older run) 0 stands for "not measured".
        xml.writeAttribute(
                "time", c.seconds() == null ? "0" : String.format(java.util.Locale.ROOT, "%.3f", c.seconds()));
        // Jenkins' schema orders skipped, then error, then failure.
        if (c.skipped() != null) {
            newline(xml, 3);
            xml.writeStartElement("skipped");
            xml.writeCharacters(legal(c.skipped()));
            xml.writeEndElement();
        }
        problem(xml, "error", c.error());
        problem(xml, "failure", c.failure());
        if (c.output() != null) {
            newline(xml, 3);
            xml.writeStartElement("system-out");
            xml.writeCharacters(legal(c.output()));
            xml.writeEndElement();
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static void problem(XMLStreamWriter xml, String element, Problem problem) throws XMLStreamException {
        if (problem == null) {
            return;
        }
        newline(xml, 3);
        xml.writeStartElement(element);
        xml.writeAttribute("type", legal(problem.type()));
        xml.writeAttribute("message", legal(problem.message()));
        xml.writeCharacters(legal(problem.message()));
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}

package dev.benchrun.render;

import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Verdict;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The comparison as JUnit XML, as Jenkins and GitLab read it: one testsuite per category, one
 * testcase per benchmark, a failure for each REGRESSION (and each WARNING with --fail-on warning),
 * and a failure for each benchmark missing from the candidate under --strict.
 */
public final class CompareJunit {

    private CompareJunit() {}

    public static String render(Comparison c, boolean warningsFail, boolean strict) {
        try {
            var text = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "benchrun compare");
            xml.writeAttribute("tests", String.valueOf(c.benchmarks().size() + (strict ? c.onlyInBaseline().size() : 0)));
            xml.writeAttribute("failures", String.valueOf(failures(c.benchmarks(), warningsFail)
                    + (strict ? c.onlyInBaseline().size() : 0)));
            for (var summary : c.categories()) {
                var deltas = c.benchmarks().stream().filter(d -> d.category().equals(summary.category())).toList();
                newline(xml, 1);
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", summary.category());
                xml.writeAttribute("tests", String.valueOf(deltas.size()));
                xml.writeAttribute("failures", String.valueOf(failures(deltas, warningsFail)));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", "0");
                for (Delta d : deltas) {
                    testcase(xml, d, warningsFail);
                }
                newline(xml, 1);
                xml.writeEndElement();
            }
            if (strict && !c.onlyInBaseline().isEmpty()) {
                newline(xml, 1);
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", "missing");
                xml.writeAttribute("tests", String.valueOf(c.onlyInBaseline().size()));
                xml.writeAttribute("failures", String.valueOf(c.onlyInBaseline().size()));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", "0");
                for (String name : c.onlyInBaseline()) {
                    newline(xml, 2);
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", "benchrun.missing");
                    xml.writeAttribute("name", name);
                    failure(xml, "missing", "in the baseline but not in the candidate");
                    newline(xml, 2);
                    xml.writeEndElement();
                }
                newline(xml, 1);
                xml.writeEndElement();
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

    static boolean fails(Verdict verdict, boolean warningsFail) {
        return verdict == Verdict.REGRESSION || warningsFail && verdict == Verdict.WARNING;
    }

    private static long failures(List<Delta> deltas, boolean warningsFail) {
        return deltas.stream().filter(d -> fails(d.verdict(), warningsFail)).count();
    }

    private static void testcase(XMLStreamWriter xml, Delta d, boolean warningsFail) throws XMLStreamException {
        newline(xml, 2);
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "benchrun." + d.category());
        xml.writeAttribute("name", d.displayName());
        xml.writeAttribute("time", "0");
        if (fails(d.verdict(), warningsFail)) {
            failure(xml, d.verdict().label(), message(d));
        }
        newline(xml, 3);
        xml.writeStartElement("system-out");
        xml.writeCharacters(message(d));
        xml.writeEndElement();
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static void failure(XMLStreamWriter xml, String type, String message) throws XMLStreamException {
        newline(xml, 3);
        xml.writeStartElement("failure");
        xml.writeAttribute("type", type);
        xml.writeAttribute("message", message);
        xml.writeCharacters(message);
        xml.writeEndElement();
    }

    private static String message(Delta d) {
        String change = CompareRows.change(d.change());
        String text = String.format(Locale.ROOT, "%s: %s → %s %s, change %s, p %s", d.verdict().label(),
                CompareRows.side(d.baseline()), CompareRows.side(d.candidate()), d.unit(), change, CompareRows.p(d.pValue()));
        String notes = CompareRows.notes(d);
        String withNotes = notes.isEmpty() ? text : text + "; " + notes;
        var hotspots = CompareRows.hotspots(d);
        return hotspots.isEmpty() ? withNotes : withNotes + "\nHotspots:\n" + String.join("\n", hotspots);
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}

package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.model.FailOn;
import dev.benchrun.model.Report;
import dev.benchrun.testing.Golden;
import dev.benchrun.testing.ReportFixtures;
import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Both JUnit XML outputs, sealed and valid against the schema CI servers read; they share one writer. */
class JunitGoldenTest {

    private static void validate(String xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/junit/junit-report.xsd").toFile());
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void compare() throws Exception {
        String xml = Format.JUNIT.render(
                Report.of(ReportFixtures.comparison()), new RenderOptions(Style.PLAIN, FailOn.WARNING, true));
        Golden.assertMatches("report-compare-junit.xml", xml);
        validate(xml);
    }

    @Test
    void report() throws Exception {
        String xml = Format.JUNIT.render(ReportFixtures.report(), RenderOptions.PLAIN);
        Golden.assertMatches("report-junit.xml", xml);
        validate(xml);
    }

    @Test
    void regressionsAndMissedBudgetsFailAndABenchmarkWithoutAResultIsAnError() throws Exception {
        var doc = parse(Format.JUNIT.render(ReportFixtures.report(), RenderOptions.PLAIN));
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        // hkdf_derive regressed and misses its budget; the JDK's x25519_keygen misses its budget.
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        var failures = doc.getElementsByTagName("failure");
        assertThat(((Element) failures.item(0).getParentNode()).getAttribute("name"))
                .isEqualTo("x25519_keygen[provider=JDK]");
        assertThat(((Element) failures.item(0)).getAttribute("type")).isEqualTo("budget");
        assertThat(((Element) failures.item(1).getParentNode()).getAttribute("name"))
                .isEqualTo("hkdf_derive");
        assertThat(((Element) failures.item(1)).getAttribute("type")).isEqualTo("REGRESSION");
        assertThat(((Element) failures.item(1)).getAttribute("message"))
                .startsWith("REGRESSION: +50.6%")
                .contains("misses budget < 10 us");
    }

    @Test
    void theSchemaRejectsWhatCiServersWouldMisread() {
        assertThatThrownBy(
                        () -> validate(
                                "<testsuites><testsuite name=\"x\" tests=\"1\"><testcase name=\"a\"/></testsuite></testsuites>"))
                .isInstanceOf(SAXException.class);
    }
}

package dev.benchrun.profiler;

import dev.benchrun.render.Html;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every flame graph page benchrun stores says about itself: a title naming the benchmark, the
 * event, the run and its date, and controls labelled in plain text. async-profiler writes its page
 * with an empty heading, no {@code <title>}, and buttons whose only label is an emoji that a
 * machine without an emoji font shows as a missing-glyph box; {@link #retitled} mends such a page.
 */
public final class FlameGraphPage {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The first heading; async-profiler 4.x writes its title, or nothing, into it. */
    private static final Pattern H1 = Pattern.compile("(?is)<h1\\b[^>]*>.*?</h1>");

    private static final Pattern TITLE = Pattern.compile("(?is)<title\\b[^>]*>.*?</title>");
    private static final Pattern CHARSET = Pattern.compile("(?i)<meta\\s+charset\\s*=[^>]*>");
    private static final Pattern HEAD = Pattern.compile("(?i)<head\\b[^>]*>");
    private static final Pattern BODY = Pattern.compile("(?i)<body\\b[^>]*>");
    private static final Pattern HEAD_END = Pattern.compile("(?i)</head>");

    /**
     * async-profiler's page pulls its two header lines (the buttons, the credit) up 24 px onto the
     * heading's last line, made for a short heading; below a longer one, which wraps on a phone,
     * they would cover it. Room for them under the heading instead.
     */
    static final String HEADER_ROOM = "<style>h1 {margin-bottom: 24px}</style>";

    /**
     * A button or span whose whole content is characters outside ASCII (written raw or as character
     * references, as async-profiler's {@code &#x1f50d;}) and which carries a {@code title} tooltip:
     * its label is a pictogram; the tooltip says the same in words.
     */
    private static final Pattern PICTOGRAM_CONTROL =
            Pattern.compile("(?i)(<(button|span)\\b[^>]*?\\btitle=(['\"])([^'\"<>]*)\\3[^>]*>)"
                    + "\\s*((?:&#(?:x[0-9a-f]+|[0-9]+);|[^\\x00-\\x7F<])+)\\s*(</\\2>)");

    private FlameGraphPage() {}

    /**
     * The title of a flame graph page, e.g. {@code hashWork[n=256]: cpu profile of run
     * 20261203T082700Z-3fa2, 2026-12-03 08:27 UTC}; with {@code against}, the side a differential
     * page is drawn against follows the run.
     */
    public static String title(String benchmark, ProfileEvent event, String runId, Instant started, String against) {
        var title = new StringBuilder(benchmark)
                .append(": ")
                .append(event.id())
                .append(" profile of run ")
                .append(runId);
        if (against != null) {
            title.append(" against ").append(against);
        }
        return title.append(", ").append(WHEN.format(started)).toString();
    }

    /**
     * async-profiler's page with {@code title} as its document title and heading, and every
     * pictogram-only control labelled with its tooltip's words instead.
     */
    public static String retitled(String html, String title) {
        String escaped = Html.escape(title);
        String page = plainControls(html);
        page = withHeading(page, "<h1>" + escaped + "</h1>");
        if (!page.contains(HEADER_ROOM)) {
            page = insertBefore(page, HEAD_END, HEADER_ROOM + "\n");
        }
        return withTitle(page, "<title>" + escaped + "</title>");
    }

    private static String plainControls(String html) {
        Matcher m = PICTOGRAM_CONTROL.matcher(html);
        var out = new StringBuilder(html.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(4) + m.group(6)));
        }
        return m.appendTail(out).toString();
    }

    private static String withHeading(String html, String heading) {
        Matcher h1 = H1.matcher(html);
        if (h1.find()) {
            return html.substring(0, h1.start()) + heading + html.substring(h1.end());
        }
        return insertAfter(html, BODY, heading);
    }

    private static String withTitle(String html, String title) {
        Matcher existing = TITLE.matcher(html);
        if (existing.find()) {
            return html.substring(0, existing.start()) + title + html.substring(existing.end());
        }
        // After the charset declaration, which must stay within the page's first bytes.
        return CHARSET.matcher(html).find() ? insertAfter(html, CHARSET, title) : insertAfter(html, HEAD, title);
    }

    private static String insertBefore(String html, Pattern tag, String text) {
        Matcher m = tag.matcher(html);
        return m.find() ? html.substring(0, m.start()) + text + html.substring(m.start()) : html;
    }

    private static String insertAfter(String html, Pattern tag, String text) {
        Matcher m = tag.matcher(html);
        if (!m.find()) {
            return text + html;
        }
        return html.substring(0, m.end()) + "\n" + text + html.substring(m.end());
    }
}

package dev.benchrun.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a page in headless Chromium and reports what a reader would hit: script errors, requests
 * that leave the machine, and characters drawn as missing-glyph boxes; keeps screenshots.
 *
 * <p>Chromium runs on an instrumented copy of the page, written beside it (so that relative paths
 * resolve as for the original) and deleted afterwards. Right after the page's charset declaration
 * the copy gets:
 *
 * <ul>
 *   <li>a Content-Security-Policy, {@code default-src file: data: blob: 'unsafe-inline'
 *       'unsafe-eval'}: anything fetched from elsewhere (image, style, font, script, frame, fetch,
 *       WebSocket) is refused, and the refusal is a {@code securitypolicyviolation} event that names
 *       the URL. The page's own policy, if it has one, still applies on top; its violations are
 *       reported the same way. Chromium also runs with its proxy set to a closed local port and every
 *       host name unresolvable, so nothing leaves the machine even past the policy;
 *   <li>a script, before any of the page's, that records every uncaught error, unhandled promise
 *       rejection, resource that failed to load and policy violation, and, on {@code load}, checks
 *       every character of every text node in the body (hidden ones included, scripts and styles
 *       excluded) for a glyph.
 * </ul>
 *
 * <p><b>Missing glyphs.</b> When no installed font has a character, Chromium draws the primary
 * font's {@code .notdef} glyph, the "tofu" box. For each font a text node is styled with, the script
 * draws, on a canvas in that same font, two code points that no font has (U+10FFFD and U+F0000, the
 * last private-use code points of planes 16 and 15): both must give the same non-blank bitmap, the
 * font's box, or the check reports that it cannot tell (it never passes silently). Each character
 * of the page is then drawn alone in its element's font at the same position, and one whose bitmap
 * equals the box pixel for pixel is a missing glyph. Pixels, not widths: in a monospaced font every
 * glyph, the box included, has the same advance. Canvas text goes through the same font fallback as
 * the page's text, so a character some fallback font has is drawn with that font and differs.
 * Characters drawn on a canvas by the page itself (the flame graph's frame names) are not seen.
 *
 * <p>The results are written, base64-encoded JSON, into an attribute of the root element, which
 * {@code --dump-dom} prints; a page whose check did not run to its end is a failure too.
 */
final class BrowserCheck {

    /** What Chromium reported for one page. */
    record Findings(List<String> errors, List<String> requests, List<String> glyphs, int characters) {
        Findings {
            errors = List.copyOf(errors);
            requests = List.copyOf(requests);
            glyphs = List.copyOf(glyphs);
        }

        /** Every problem, one line each; empty for a clean page. */
        List<String> problems() {
            var problems = new ArrayList<String>();
            errors.forEach(e -> problems.add("script error: " + e));
            requests.forEach(r -> problems.add("external request: " + r));
            glyphs.forEach(g -> problems.add("missing glyph: " + g));
            return problems;
        }
    }

    /** A desktop and a phone viewport, in CSS pixels. */
    enum Viewport {
        DESKTOP(1280, 800),
        PHONE(390, 844);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private static final String ATTRIBUTE = "data-browser-check";
    private static final Pattern RESULT = Pattern.compile(ATTRIBUTE + "=\"([A-Za-z0-9+/=]*)\"");
    private static final Pattern CHARSET = Pattern.compile("(?i)<meta\\s+charset\\s*=[^>]*>");
    private static final Pattern HEAD = Pattern.compile("(?i)<head\\b[^>]*>");

    static final String POLICY = "default-src file: data: blob: 'unsafe-inline' 'unsafe-eval'";

    /** Runs before the page's own scripts; see the class comment. */
    private static final String COLLECTOR = """
            (function () {
              var found = {errors: [], requests: [], glyphs: [], characters: 0};
              window.addEventListener('error', function (e) {
                var t = e.target;
                if (t && t !== window && t.tagName) {
                  found.errors.push('could not load ' + (t.currentSrc || t.src || t.href || ('<' + t.tagName.toLowerCase() + '>')));
                } else {
                  found.errors.push(String(e.message) + ' (' + e.filename + ':' + e.lineno + ')');
                }
              }, true);
              window.addEventListener('unhandledrejection', function (e) {
                found.errors.push('unhandled rejection: ' + String(e.reason));
              });
              document.addEventListener('securitypolicyviolation', function (e) {
                var uri = String(e.blockedURI);
                if (/^(inline|eval|wasm-eval|trusted-types-sink)$/.test(uri)) {
                  found.errors.push('the policy blocked ' + uri + ' code (' + e.violatedDirective + ')');
                } else if (!/^(file|data|blob):/i.test(uri)) {
                  found.requests.push(uri + ' (' + e.violatedDirective + ')');
                }
              }, true);
              function bitmap(font, size, text) {
                var canvas = document.createElement('canvas');
                canvas.width = canvas.height = size;
                var g = canvas.getContext('2d', {willReadFrequently: true});
                g.font = font;
                g.textBaseline = 'middle';
                g.fillStyle = '#000';
                g.fillText(text, size / 4, size / 2);
                var data = g.getImageData(0, 0, size, size).data, ink = false;
                for (var i = 3; i < data.length; i += 4) { if (data[i]) { ink = true; break; } }
                return {ink: ink, pixels: Array.prototype.join.call(data, ',')};
              }
              function describe(el) {
                return '<' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '>';
              }
              function glyphs() {
                var boxes = {}, seen = {};
                var walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
                for (var node = walker.nextNode(); node; node = walker.nextNode()) {
                  var el = node.parentElement;
                  if (!el || /^(script|style|noscript|template)$/i.test(el.tagName)) continue;
                  var cs = getComputedStyle(el);
                  var font = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
                  var size = Math.ceil(parseFloat(cs.fontSize) * 3) || 48;
                  var box = boxes[font];
                  if (!box) {
                    box = boxes[font] = bitmap(font, size, String.fromCodePoint(0x10FFFD));
                    var other = bitmap(font, size, String.fromCodePoint(0xF0000));
                    if (!box.ink || box.pixels !== other.pixels) {
                      box.unknown = true;
                      found.glyphs.push('cannot tell missing glyphs in ' + font + ': no box drawn for unknown characters');
                    }
                  }
                  if (box.unknown) continue;
                  for (var ch of node.data) {
                    var cp = ch.codePointAt(0);
                    if (cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0)) continue;
                    var key = font + '|' + cp;
                    if (seen[key]) continue;
                    seen[key] = true;
                    found.characters++;
                    if (bitmap(font, size, ch).pixels === box.pixels) {
                      found.glyphs.push('U+' + cp.toString(16).toUpperCase().padStart(4, '0') + ' in ' + describe(el) + ' (' + font + ')');
                    }
                  }
                }
              }
              window.addEventListener('load', function () {
                setTimeout(function () {
                  try { glyphs(); } catch (e) { found.errors.push('the glyph check failed: ' + e); }
                  var json = JSON.stringify(found);
                  document.documentElement.setAttribute('%s', btoa(unescape(encodeURIComponent(json))));
                }, 0);
              });
            })();
            """.formatted(ATTRIBUTE);

    private final Path chromium;
    private final Path screenshots;

    private BrowserCheck(Path chromium, Path screenshots) {
        this.chromium = chromium;
        this.screenshots = screenshots;
    }

    /**
     * Chromium, where installed: {@code -Dbenchrun.chromium=PATH}, {@code $CHROMIUM}, or the first of
     * chromium, chromium-browser, google-chrome on the PATH.
     */
    static Optional<BrowserCheck> find(Path screenshots) {
        String named = System.getProperty("benchrun.chromium", System.getenv("CHROMIUM"));
        Stream<Path> candidates = named != null && !named.isBlank()
                ? Stream.of(Path.of(named))
                : Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .filter(dir -> !dir.isEmpty())
                        .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome")
                                .map(name -> Path.of(dir, name)));
        return candidates.filter(Files::isExecutable).findFirst().map(path -> new BrowserCheck(path, screenshots));
    }

    /** The page with the policy and the collector, placed after its charset declaration. */
    static String instrumented(String html) {
        String head = "\n<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">\n<script>" + COLLECTOR
                + "</script>\n";
        for (Pattern tag : List.of(CHARSET, HEAD)) {
            Matcher m = tag.matcher(html);
            if (m.find()) {
                return html.substring(0, m.end()) + head + html.substring(m.end());
            }
        }
        return "<meta charset=\"utf-8\">" + head + html;
    }

    /**
     * Loads the page, returns what the check found, and keeps {@code <name>-desktop.png} and
     * {@code <name>-phone.png} in the screenshot directory.
     */
    Findings check(Path page, String name) throws IOException, InterruptedException {
        Path copy = page.resolveSibling(".browser-check-" + page.getFileName());
        Path profile = Files.createTempDirectory("browser-check-profile");
        try {
            Files.writeString(copy, instrumented(Files.readString(page)));
            String url = copy.toUri().toString();
            String dom = browse(profile, "--virtual-time-budget=5000", "--dump-dom", url);
            Files.createDirectories(screenshots);
            for (Viewport viewport : Viewport.values()) {
                Path png = screenshot(name, viewport);
                Files.deleteIfExists(png);
                browse(
                        profile,
                        "--virtual-time-budget=5000",
                        "--hide-scrollbars",
                        "--window-size=" + viewport.width + "," + viewport.height,
                        "--screenshot=" + png.toAbsolutePath(),
                        url);
                if (!Files.isRegularFile(png)) {
                    throw new AssertionError("Chromium wrote no screenshot of " + page + " at " + viewport);
                }
            }
            return findings(dom, page);
        } finally {
            Files.deleteIfExists(copy);
            deleteTree(profile);
        }
    }

    Path screenshot(String name, Viewport viewport) {
        return screenshots.resolve(name + "-" + viewport.name().toLowerCase(java.util.Locale.ROOT) + ".png");
    }

    private static Findings findings(String dom, Path page) {
        Matcher m = RESULT.matcher(dom);
        if (!m.find()) {
            return new Findings(
                    List.of("the check did not run to its end on " + page + " (no " + ATTRIBUTE + " in the DOM)"),
                    List.of(),
                    List.of(),
                    0);
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Findings(
                texts(json.get("errors")),
                texts(json.get("requests")),
                texts(json.get("glyphs")),
                json.get("characters").asInt());
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** Chromium with networking shut: a closed local proxy, no name resolves, no background traffic. */
    private String browse(Path profile, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--no-first-run",
                "--no-pings",
                "--proxy-server=127.0.0.1:9",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(profile, "chromium", ".err");
        Process process =
                new ProcessBuilder(command).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        var out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 2 minutes: " + String.join(" ", command));
        }
        reader.join();
        if (process.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + process.exitValue() + ": " + String.join(" ", command)
                    + "\n" + Files.readString(err));
        }
        return out.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

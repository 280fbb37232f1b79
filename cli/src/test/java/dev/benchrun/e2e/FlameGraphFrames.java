package dev.benchrun.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame names of an async-profiler HTML flame graph. The page keeps them in {@code const cpool = [...]},
 * each entry after the first prefix-compressed against the one before: its first character is 32 plus the
 * length of the prefix it shares. A frame's full name is therefore only readable after decoding.
 */
final class FlameGraphFrames {

    private FlameGraphFrames() {}

    static List<String> of(String html) {
        int start = html.indexOf("const cpool = [");
        if (start < 0) {
            throw new AssertionError("no 'const cpool = [' in the flame graph page");
        }
        var frames = new ArrayList<String>();
        int i = start + "const cpool = [".length();
        while (true) {
            while (Character.isWhitespace(html.charAt(i)) || html.charAt(i) == ',') {
                i++;
            }
            if (html.charAt(i) != '\'') {
                return frames;
            }
            var entry = new StringBuilder();
            for (i++; html.charAt(i) != '\''; i++) {
                entry.append(html.charAt(i) == '\\' ? html.charAt(++i) : html.charAt(i));
            }
            i++;
            if (frames.isEmpty()) {
                frames.add(entry.toString());
            } else {
                String previous = frames.get(frames.size() - 1);
                frames.add(previous.substring(0, entry.charAt(0) - 32) + entry.substring(1));
            }
        }
    }
}

package dev.benchrun.profiler;

import dev.benchrun.render.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A differential flame graph (Gregg 2014) as one self-contained HTML page with inline SVG: the
 * candidate's stacks give the shape, each frame's colour is how its share changed since the
 * baseline, red for grown and blue for shrunk. Harness frames are left out, as in the hotspots.
 */
public final class DiffFlameGraph {

    static final int WIDTH = 1200;
    static final int ROW = 16;
    /** Full colour at this change (or the largest change drawn, if larger): 5 percentage points. */
    private static final double FULL_COLOUR = 0.05;
    /** Changes below 0.1 percentage points are drawn as unchanged: sampling noise at best. */
    private static final double UNCHANGED = 0.001;

    private DiffFlameGraph() {}

    /** A node of the merged call tree: samples of the same path on both sides. */
    private static final class Node {
        final String name;
        long baseline;
        long candidate;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String frame) {
            return children.computeIfAbsent(frame, Node::new);
        }
    }

    public static String html(String title, CollapsedStacks baseline, CollapsedStacks candidate) {
        var root = new Node("all");
        add(root, baseline, true);
        add(root, candidate, false);
        int depth = depth(root);
        int height = depth * ROW;
        var svg = new StringBuilder();
        double scale = Math.max(FULL_COLOUR, largestChange(root, root));
        draw(svg, root, root, 0, 0, WIDTH, height, scale);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%1$s</title>
                <style>
                body { font: 13px sans-serif; margin: 16px; }
                h1 { font-size: 16px; }
                svg text { font: 11px monospace; pointer-events: none; }
                .key span { display: inline-block; padding: 2px 8px; margin-right: 8px; }
                </style>
                </head>
                <body>
                <h1>%1$s</h1>
                <p class="key"><span style="background:rgb(255,50,50)">grew</span><span style="background:rgb(50,50,255);color:#fff">shrank</span><span style="background:rgb(230,230,230)">unchanged</span>
                Width: the candidate's samples (%2$d). Colour: change of the frame's share since the baseline (%3$d samples);
                full colour at %4$s percentage points. Hover a frame for its numbers.</p>
                <svg xmlns="http://www.w3.org/2000/svg" width="%5$d" height="%6$d" viewBox="0 0 %5$d %6$d">
                %7$s</svg>
                </body>
                </html>
                """.formatted(
                        Html.escape(title),
                        root.candidate,
                        root.baseline,
                        String.format(Locale.ROOT, "%.1f", scale * 100),
                        WIDTH,
                        height,
                        svg);
    }

    private static void add(Node root, CollapsedStacks profile, boolean isBaseline) {
        for (var stack : Attribution.benchmarkStacks(profile)) {
            Node node = root;
            count(node, stack.count(), isBaseline);
            for (String frame : HarnessFrames.strip(stack.frames())) {
                node = node.child(frame);
                count(node, stack.count(), isBaseline);
            }
        }
    }

    private static void count(Node node, long samples, boolean isBaseline) {
        if (isBaseline) {
            node.baseline += samples;
        } else {
            node.candidate += samples;
        }
    }

    private static int depth(Node node) {
        return 1
                + node.children.values().stream()
                        .mapToInt(DiffFlameGraph::depth)
                        .max()
                        .orElse(0);
    }

    private static double change(Node node, Node root) {
        double after = root.candidate == 0 ? 0 : (double) node.candidate / root.candidate;
        double before = root.baseline == 0 ? 0 : (double) node.baseline / root.baseline;
        return after - before;
    }

    private static double largestChange(Node node, Node root) {
        double largest = node.candidate > 0 ? Math.abs(change(node, root)) : 0;
        for (Node child : node.children.values()) {
            largest = Math.max(largest, largestChange(child, root));
        }
        return largest;
    }

    private static void draw(
            StringBuilder svg, Node node, Node root, int level, double x, double width, int height, double scale) {
        if (width < 0.3) {
            return;
        }
        double y = height - (level + 1) * ROW;
        double delta = change(node, root);
        double share = root.candidate == 0 ? 0 : (double) node.candidate / root.candidate;
        svg.append(String.format(
                Locale.ROOT,
                "<g><title>%s&#10;candidate %.2f%%, baseline %.2f%%: %+.2f points</title>"
                        + "<rect x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.5\"/>",
                Html.escape(node.name),
                share * 100,
                (share - delta) * 100,
                delta * 100,
                x,
                y,
                width,
                ROW - 1,
                colour(delta, scale)));
        int chars = (int) ((width - 6) / 7);
        if (chars >= 3) {
            String label = node.name.length() <= chars ? node.name : node.name.substring(0, chars - 2) + "..";
            // Dark blue needs light text to stay readable.
            String ink = delta < 0 && Math.abs(delta) / scale > 0.6 ? "#fff" : "#000";
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.0f\" fill=\"%s\">%s</text>",
                    x + 3,
                    y + ROW - 4,
                    ink,
                    Html.escape(label)));
        }
        svg.append("</g>\n");
        double childX = x;
        for (Node child : sortedChildren(node)) {
            if (child.candidate == 0) {
                continue;
            }
            double childWidth = width * child.candidate / node.candidate;
            draw(svg, child, root, level + 1, childX, childWidth, height, scale);
            childX += childWidth;
        }
    }

    private static List<Node> sortedChildren(Node node) {
        // Alphabetical, as flame graphs are: the same frame sits in the same place in every graph.
        return node.children.values().stream()
                .sorted((a, b) -> a.name.compareTo(b.name))
                .toList();
    }

    static String colour(double delta, double scale) {
        if (Math.abs(delta) < UNCHANGED) {
            return "rgb(230,230,230)";
        }
        double intensity = Math.min(1, Math.abs(delta) / scale);
        int faded = (int) Math.round(230 - 180 * intensity);
        return delta > 0 ? "rgb(255," + faded + "," + faded + ")" : "rgb(" + faded + "," + faded + ",255)";
    }
}

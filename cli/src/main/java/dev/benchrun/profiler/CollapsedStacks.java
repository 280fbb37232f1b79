package dev.benchrun.profiler;

import dev.benchrun.BenchrunException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A profile in async-profiler's collapsed format: one line per distinct stack,
 * {@code root;caller;...;leaf count}. Frame names are read as Java spells them
 * ({@code java.lang.String.hashCode}, not {@code java/lang/String.hashCode}), with the JIT-tier
 * annotations dropped so a method is one frame whether interpreted, compiled or inlined.
 */
public record CollapsedStacks(List<Stack> stacks) {

    /** One distinct stack, root first, and how many samples had it. */
    public record Stack(List<String> frames, long count) {
        public Stack {
            frames = List.copyOf(frames);
            if (count < 0) {
                throw new IllegalArgumentException("negative sample count " + count);
            }
        }
    }

    /** async-profiler's frame annotations: _[j] JIT, _[i] inlined, _[0] interpreted, _[1] C1, _[k] kernel. */
    private static final Pattern ANNOTATION = Pattern.compile("_\\[([a-z0-9])]$");

    public CollapsedStacks {
        stacks = List.copyOf(stacks);
    }

    public long samples() {
        return stacks.stream().mapToLong(Stack::count).sum();
    }

    public static CollapsedStacks read(Path file, ProfileEvent event) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), event, file.toString());
        } catch (IOException e) {
            throw BenchrunException.input("cannot read collapsed stacks " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses collapsed stacks. For allocation and lock profiles the top frame is the sampled
     * object's type, not code: it is removed, so the top is the allocation or contention site.
     *
     * @param source named in the error for a malformed line
     */
    public static CollapsedStacks parse(String text, ProfileEvent event, String source) {
        var stacks = new ArrayList<Stack>();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            // The count follows the last space: C++ frames may hold spaces of their own.
            int space = trimmed.lastIndexOf(' ');
            long count;
            try {
                count = space < 1 ? -1 : Long.parseLong(trimmed.substring(space + 1));
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0) {
                throw BenchrunException.input(
                        source + " line " + lineNumber + " is not collapsed stacks ('frame;frame;... count')");
            }
            var frames =
                    new ArrayList<>(Arrays.asList(trimmed.substring(0, space).split(";")));
            if (event.objectOnTop()
                    && frames.size() > 1
                    && ANNOTATION.matcher(frames.get(frames.size() - 1)).find()) {
                frames.remove(frames.size() - 1);
            }
            stacks.add(new Stack(frames.stream().map(CollapsedStacks::frameName).toList(), count));
        }
        return new CollapsedStacks(stacks);
    }

    /** A frame as users read it: dotted Java names, tiers merged, kernel frames marked. */
    static String frameName(String raw) {
        String name = raw;
        var annotation = ANNOTATION.matcher(name);
        String tier = null;
        if (annotation.find()) {
            tier = annotation.group(1);
            name = name.substring(0, annotation.start());
        }
        if (!name.startsWith("/") && !name.startsWith("[") && name.indexOf('/') > 0) {
            // Hidden classes keep their "/0x..." suffix; every other slash is a package separator.
            name = name.replaceAll("/(?!0x)", ".");
        }
        return "k".equals(tier) ? name + " [kernel]" : name;
    }
}

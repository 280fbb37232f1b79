package dev.benchrun.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced blocks of the docs, and among them the CI recipes: a block right after a line {@code
 * <!-- recipe: NAME -->} is a recipe, one right after {@code <!-- recipe-file: PATH -->} is a file
 * the recipes' project holds (e.g. the {@code .gitignore} the docs tell users to write).
 */
final class CiRecipes {

    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,})\\s*([A-Za-z0-9_+-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*(recipe|recipe-file):\\s*(\\S+)\\s*-->$");
    /** What makes a YAML block a CI configuration: GitHub's jobs and steps, GitLab's script. */
    private static final Pattern CI_YAML = Pattern.compile("(?m)^\\s*(jobs|steps|script):");

    /** One fenced block: where it is, its language, its text, and its marker (null when none). */
    record Block(Path doc, int line, String language, String text, String kind, String name) {
        boolean isRecipe() {
            return "recipe".equals(kind);
        }

        boolean isFile() {
            return "recipe-file".equals(kind);
        }

        /** A YAML block that configures a CI job. */
        boolean looksLikeCi() {
            return (language.equals("yaml") || language.equals("yml"))
                    && CI_YAML.matcher(text).find();
        }

        String where() {
            return doc.getFileName() + ":" + line;
        }
    }

    private CiRecipes() {}

    /** README.md and every page of docs/ under the project's root. */
    static List<Path> pages(Path root) {
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            var pages = new ArrayList<Path>(List.of(root.resolve("README.md")));
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fenced block of these pages, in order. */
    static List<Block> blocks(List<Path> pages) {
        return pages.stream().flatMap(p -> blocks(p).stream()).toList();
    }

    static List<Block> blocks(Path page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var blocks = new ArrayList<Block>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(1);
            int start = i;
            var text = new StringBuilder();
            for (i++; i < lines.size() && !isClosing(lines.get(i), fence); i++) {
                text.append(lines.get(i)).append('\n');
            }
            Matcher marker = start > 0 ? MARKER.matcher(lines.get(start - 1).strip()) : null;
            boolean marked = marker != null && marker.matches();
            blocks.add(new Block(
                    page,
                    start + 1,
                    open.group(2),
                    text.toString(),
                    marked ? marker.group(1) : null,
                    marked ? marker.group(2) : null));
        }
        return blocks;
    }

    private static boolean isClosing(String line, String fence) {
        String stripped = line.strip();
        return stripped.length() >= fence.length() && stripped.chars().allMatch(c -> c == '`');
    }
}

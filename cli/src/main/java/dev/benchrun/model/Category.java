package dev.benchrun.model;

/** Category names with a meaning of their own. */
public final class Category {

    /** A benchmark no manifest entry matched. */
    public static final String UNCATEGORISED = "uncategorised";

    private Category() {}
}

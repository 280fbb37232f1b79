package dev.benchrun.model;

/**
 * A JVM as its java executable describes itself: vendor, full version and feature release (17, 25, ...).
 *
 * @param gc the garbage collector it picks when the arguments name none, e.g. {@code G1}, {@code Serial}; null if not told
 */
public record JvmInfo(
        String path, String vendor, String version, int feature, String vmName, String vmVersion, String gc) {}

package dev.benchrun.model;

/** A JVM as its java executable describes itself: vendor, full version and feature release (17, 25, ...). */
public record JvmInfo(String path, String vendor, String version, int feature, String vmName, String vmVersion) {}

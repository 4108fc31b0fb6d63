package org.registrar.app;

/** A program for ClassDataArchiveTest's child JVMs: says it ran and what ClassDataArchive.state says of its JVM. */
final class ClassDataProbe {
    private ClassDataProbe() {}

    public static void main(String[] args) {
        System.out.println("probe ran; class data sharing: " + ClassDataArchive.state());
    }
}

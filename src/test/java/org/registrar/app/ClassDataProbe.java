package org.registrar.app;

/** A program for ClassDataArchiveTest's child JVMs: says it ran and whether its JVM maps shared class data. */
final class ClassDataProbe {
    private ClassDataProbe() {}

    public static void main(String[] args) {
        System.out.println("probe ran; vm: " + System.getProperty("java.vm.info"));
    }
}

package org.registrar.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.registrar.i18n.Messages;

/**
 * A class-data sharing archive (AppCDS, ADR 0061) for the app's classes: the JDK's, JavaFX's, the libraries' and
 * Registrar's, read from the class list shipped in the jar ({@code registrar.classlist}, recorded from a second
 * start) and stored parsed, verified and laid out as the JVM maps them. A JVM started with {@link #options} maps
 * it instead of reading, parsing and verifying those classes from the jars one by one: about a quarter of a start's
 * CPU time. Java 17 makes such an archive only in a JVM of its own ({@code -Xshare:dump}), for one class path: a
 * JVM started with another class path, other jars or another JDK finds it stale and, with {@code -Xshare:auto},
 * runs as without it (a missing or unreadable archive likewise). Thread-safe (no state).
 */
public final class ClassDataArchive {
    /** Shipped beside this class; classes it names that a class path lacks are skipped by the dump. */
    static final String CLASS_LIST = "registrar.classlist";

    private static final Duration DUMP_LIMIT = Duration.ofMinutes(5);

    private ClassDataArchive() {}

    /**
     * {@code java -cp <the launcher's class path> org.registrar.app.ClassDataArchive <archive>}: what the .deb's
     * postinst runs with the bundled runtime (ADR 0061), for the class path this JVM was given. Exits 0 when the
     * archive was made, 1 when not (what the dump printed is in {@code <archive>.log}).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        System.exit(make(Path.of(args[0]), System.getProperty("java.class.path")) ? 0 : 1);
    }

    /**
     * Makes {@code archive} for JVMs started with {@code classPath}, from the shipped class list, in a JVM of this
     * JDK. Blocks for the dump (several seconds); must not run on the FX thread. Returns false when the dump failed,
     * and then leaves {@code archive} as it was (what the dump printed is in {@code archive + ".log"}).
     */
    public static boolean make(Path archive, String classPath) throws IOException, InterruptedException {
        try (InputStream classList = ClassDataArchive.class.getResourceAsStream(CLASS_LIST)) {
            if (classList == null) {
                return false;
            }
            return make(archive, classPath, classList);
        }
    }

    /** As {@link #make(Path, String)} from a given class list (one binary name a line, as the JVM writes it). */
    static boolean make(Path archive, String classPath, InputStream classList)
            throws IOException, InterruptedException {
        Path target = archive.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path list = Files.createTempFile(folder, "registrar", ".classlist");
        // written under another name and moved: a JVM starting meanwhile never maps half an archive
        Path partial = folder.resolve(target.getFileName() + ".partial");
        try {
            Files.copy(classList, list, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(partial);
            Process dump = new ProcessBuilder(
                            javaProgram(),
                            "-Xshare:dump",
                            "-XX:SharedClassListFile=" + list,
                            "-XX:SharedArchiveFile=" + partial,
                            "-cp",
                            classPath)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            folder.resolve(target.getFileName() + ".log").toFile())
                    .start();
            if (!dump.waitFor(DUMP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                dump.destroyForcibly().waitFor();
                return false;
            }
            if (dump.exitValue() != 0 || !Files.isRegularFile(partial)) {
                return false;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(partial);
        }
    }

    /**
     * The JVM options that map {@code archive}: {@code -Xshare:auto} (the default, said here so no other option turns
     * it strict), so a missing, stale or unreadable archive only means a start without it.
     */
    public static List<String> options(Path archive) {
        return List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive.toAbsolutePath());
    }

    /**
     * For the log: whether this JVM was given an archive and maps it. The JVM says whether it shares class data in
     * {@code java.vm.info} ("sharing"; also with only the JDK's own archive) and which archive it was given in its
     * {@code SharedArchiveFile} option. Loads the JVM's management classes: call it off the start's path.
     */
    static String state() {
        return words(false);
    }

    /** As {@link #state}, in the messages' language, for {@code registrar doctor}. */
    static String stateInWords() {
        return words(true);
    }

    private static String words(boolean translated) {
        boolean sharing = System.getProperty("java.vm.info", "").contains("sharing");
        VMOption given = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("SharedArchiveFile");
        if (given.getOrigin() == VMOption.Origin.DEFAULT || given.getValue().isEmpty()) {
            if (translated) {
                return Messages.text(sharing ? "cli.doctor.classData.jdkOnly" : "cli.doctor.classData.off");
            }
            return sharing ? "the JDK's archive only, none of the app's named" : "off";
        }
        if (translated) {
            return Messages.text(sharing ? "cli.doctor.classData.on" : "cli.doctor.classData.stale", given.getValue());
        }
        return sharing
                ? "on, from " + given.getValue()
                : "off: " + given.getValue() + " is stale, unreadable or missing";
    }

    private static String javaProgram() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

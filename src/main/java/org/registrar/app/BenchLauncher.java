package org.registrar.app;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import org.registrar.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code registrar bench ...}: the benchmark is not part of the app. It ships as registrar-bench.jar beside
 * registrar.jar; this command finds that jar and hands it every argument (its Main-Class reads them, {@code
 * registrar bench --help} lists them), or says where it looked.
 */
@Command(name = "bench", resourceBundle = CommandHelp.BUNDLE)
final class BenchLauncher implements Callable<Integer> {
    static final String JAR = "registrar-bench.jar";
    /** Exit code when the bench jar is not there. */
    static final int NOT_INSTALLED = 3;

    @Unmatched
    List<String> arguments = new ArrayList<>();

    private final Path folder;

    /** Looks beside the jar (or classes folder's parent) this class was loaded from. */
    BenchLauncher() {
        this(appFolder());
    }

    BenchLauncher(Path folder) {
        this.folder = folder;
    }

    @Override
    public Integer call() throws Exception {
        Optional<Path> jar = find();
        if (jar.isEmpty()) {
            System.err.println(
                    "registrar bench: " + Messages.text("cli.bench.notInstalled", JAR, String.valueOf(folder)));
            return NOT_INSTALLED;
        }
        run(jar.get(), arguments.toArray(String[]::new));
        return 0;
    }

    Optional<Path> find() {
        Path candidate = folder.resolve(JAR);
        return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /** Calls the jar's Main-Class with the app's classes as parent: the bench reuses the app's, never copies. */
    private static void run(Path jar, String[] args) throws Exception {
        String mainClass;
        try (JarFile file = new JarFile(jar.toFile())) {
            mainClass = file.getManifest() == null
                    ? null
                    : file.getManifest().getMainAttributes().getValue("Main-Class");
        }
        if (mainClass == null) {
            throw new IOException(Messages.text("cli.bench.noMainClass", String.valueOf(jar)));
        }
        // not closed: the bench's classes stay in use until the JVM ends (its server stops in a shutdown hook)
        URLClassLoader loader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, BenchLauncher.class.getClassLoader());
        Method main = loader.loadClass(mainClass).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Path appFolder() {
        CodeSource source = BenchLauncher.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Path.of("").toAbsolutePath();
        }
        try {
            return Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
        } catch (URISyntaxException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}

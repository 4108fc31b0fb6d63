package org.registrar.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.registrar.i18n.Messages;

/**
 * The machine-wide settings file an IT admin writes for every desktop (Java properties syntax, UTF-8): its values,
 * its locked keys and everything wrong with it, each with its line. Read with a bound: a directory, a FIFO or a
 * device is refused before it is opened, a file over {@link #MAX_BYTES} is refused unread, and a file any user may
 * write is refused (any account could point every desktop at a server of its own). Immutable.
 */
public record MachineFile(
        Path path, boolean present, Map<Key, String> values, Set<Key> locked, List<FileIssue> issues) {
    /** Far more than a full commented file needs. */
    public static final int MAX_BYTES = 64 * 1024;

    static final String LOCKED = "locked";

    public MachineFile {
        Map<Key, String> valuesCopy = new EnumMap<>(Key.class);
        valuesCopy.putAll(values);
        values = Collections.unmodifiableMap(valuesCopy);
        Set<Key> lockedCopy = EnumSet.noneOf(Key.class);
        lockedCopy.addAll(locked);
        locked = Collections.unmodifiableSet(lockedCopy);
        issues = List.copyOf(issues);
    }

    /** No file: nothing set, nothing locked. */
    public static MachineFile absent(Path path) {
        return new MachineFile(path, false, Map.of(), Set.of(), List.of());
    }

    /**
     * Where this OS keeps the file. The system property {@code registrar.machineConfig} overrides it (the tests set
     * it, so no test ever reads the real one).
     */
    public static Path defaultLocation() {
        String override = System.getProperty("registrar.machineConfig");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return defaultLocation(System.getProperty("os.name", ""), System.getenv());
    }

    static Path defaultLocation(String osName, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String programData = environment.getOrDefault("ProgramData", "C:\\ProgramData");
            return Path.of(programData, "Registrar", "registrar.properties");
        }
        if (os.startsWith("mac")) {
            return Path.of("/Library/Application Support/Registrar/registrar.properties");
        }
        return Path.of("/etc/registrar/registrar.properties");
    }

    /**
     * Reads the file at {@code path}. Never throws for what is at that path: a missing file is {@link #absent}
     * unless {@code required} (given with --config), anything else unusable is an issue of the whole file (line 0).
     * Blocking (file I/O).
     */
    public static MachineFile read(Path path, boolean required) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException missing) {
            return required ? whole(path, Messages.text("messages.settings.missing")) : absent(path);
        } catch (IOException | SecurityException unreadable) {
            return whole(path, Messages.text("messages.settings.unreadable", String.valueOf(unreadable.getMessage())));
        }
        if (attributes.isDirectory()) {
            return whole(path, Messages.text("messages.settings.folder"));
        }
        if (!attributes.isRegularFile()) {
            // a FIFO would block the first read until some process writes to it; a device may never end
            return whole(path, Messages.text("messages.settings.notRegular"));
        }
        if (attributes.size() > MAX_BYTES) {
            return whole(path, Messages.text("messages.settings.tooLarge", attributes.size(), MAX_BYTES));
        }
        String openToOthers = writableByOthers(path);
        if (openToOthers != null) {
            return whole(path, openToOthers);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException | SecurityException unreadable) {
            return whole(path, Messages.text("messages.settings.unreadable", String.valueOf(unreadable.getMessage())));
        }
        if (bytes.length > MAX_BYTES) {
            return whole(path, Messages.text("messages.settings.grew", MAX_BYTES));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return whole(path, Messages.text("messages.settings.notUtf8"));
        }
        return parse(path, text);
    }

    /** Why the file or its folder may be changed by any account, or null (also null where POSIX modes do not exist). */
    private static String writableByOthers(Path path) {
        try {
            Set<PosixFilePermission> file = Files.getPosixFilePermissions(path);
            if (file.contains(PosixFilePermission.OTHERS_WRITE)) {
                return Messages.text("messages.settings.fileWritableByAll");
            }
            Path folder = path.toAbsolutePath().getParent();
            if (folder != null) {
                Set<PosixFilePermission> folderModes = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
                if (folderModes.contains(PosixFilePermission.OTHERS_WRITE) && !isSticky(folder)) {
                    return Messages.text("messages.settings.folderWritableByAll", folder.toString());
                }
            }
            return null;
        } catch (UnsupportedOperationException | IOException | SecurityException noPosixModes) {
            return null;
        }
    }

    /** A sticky world-writable folder (/tmp) lets no one replace another account's file. */
    private static boolean isSticky(Path folder) {
        try {
            Object mode = Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return mode instanceof Integer bits && (bits & 01000) != 0;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | SecurityException unknown) {
            return false;
        }
    }

    private static MachineFile whole(Path path, String problem) {
        return new MachineFile(path, true, Map.of(), Set.of(), List.of(new FileIssue(path, 0, null, problem)));
    }

    /**
     * Parses properties text line by line, so every problem names its line: each logical line (with its
     * backslash continuations) is decoded by {@link Properties} itself, so escapes mean what they mean there.
     */
    static MachineFile parse(Path path, String text) {
        Map<Key, String> values = new EnumMap<>(Key.class);
        Map<String, Integer> seenOn = new java.util.HashMap<>();
        List<FileIssue> issues = new ArrayList<>();
        String lockedText = null;
        int lockedLine = 0;
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\r|\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            StringBuilder logical = new StringBuilder(lines[index]);
            while (endsWithContinuation(logical) && index + 1 < lines.length) {
                logical.append('\n').append(lines[++index]);
            }
            String trimmed = logical.toString().strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException malformed) {
                issues.add(new FileIssue(
                        path,
                        lineNumber,
                        null,
                        Messages.text("messages.settings.malformed", String.valueOf(malformed.getMessage()))));
                continue;
            }
            if (one.size() != 1) {
                issues.add(new FileIssue(path, lineNumber, null, Messages.text("messages.settings.notKeyValue")));
                continue;
            }
            String name = one.stringPropertyNames().iterator().next();
            String value = one.getProperty(name).strip();
            if (!trimmed.contains("=") && !trimmed.contains(":")) {
                issues.add(new FileIssue(path, lineNumber, name, Messages.text("messages.settings.noEquals", name)));
                continue;
            }
            Integer earlier = seenOn.putIfAbsent(name, lineNumber);
            if (earlier != null) {
                issues.add(new FileIssue(path, lineNumber, name, Messages.text("messages.settings.setAgain", earlier)));
                continue;
            }
            if (name.equals(LOCKED)) {
                lockedText = value;
                lockedLine = lineNumber;
                continue;
            }
            var key = Key.named(name);
            if (key.isEmpty()) {
                issues.add(new FileIssue(path, lineNumber, name, nearest(name)));
                continue;
            }
            if (value.isEmpty()) {
                issues.add(new FileIssue(path, lineNumber, name, Messages.text("messages.settings.noValue")));
                continue;
            }
            var problem = key.get().problemWith(value);
            if (problem.isPresent()) {
                issues.add(new FileIssue(path, lineNumber, name, problem.get()));
                continue;
            }
            values.put(key.get(), key.get().normalise(value));
        }
        Set<Key> locked = EnumSet.noneOf(Key.class);
        if (lockedText != null) {
            for (String part : lockedText.split(",")) {
                String name = part.strip();
                if (name.isEmpty()) {
                    continue;
                }
                var key = Key.named(name);
                if (key.isEmpty()) {
                    issues.add(new FileIssue(
                            path, lockedLine, LOCKED, Messages.text("messages.settings.lockedUnknown", shorten(name))));
                } else {
                    locked.add(key.get());
                }
            }
        }
        return new MachineFile(path, true, values, locked, issues);
    }

    private static boolean endsWithContinuation(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String nearest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Key key : Key.values()) {
            if (key.key().toLowerCase(Locale.ROOT).equals(lower)) {
                return Messages.text("messages.settings.unknownDidYouMean", key.key());
            }
        }
        return Messages.text("messages.settings.unknown");
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    public boolean hasIssues() {
        return !issues.isEmpty();
    }
}

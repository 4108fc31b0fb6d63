package org.registrar.app;

import java.nio.file.Path;
import org.registrar.db.ConnectionProfile;

/**
 * Child JVM for {@link TwoFirstStartsTest}: opens the app's data side on the embedded default in the data folder
 * {@code args[0]} exactly as a window does, prints each step, then {@code OPENED <login> <students>} (or
 * {@code FAILED <message>}), and keeps running until it is ended, like an open window.
 */
public final class FirstStartChild {
    private FirstStartChild() {}

    public static void main(String[] args) throws Exception {
        try (AppContext context = Startup.open(
                ConnectionProfile.embedded(), null, Path.of(args[0]), 50, step -> System.out.println("STEP " + step))) {
            String login = context.database()
                    .jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT current_user")
                            .mapTo(String.class)
                            .one());
            int students = context.database()
                    .jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT count(*) FROM students")
                            .mapTo(Integer.class)
                            .one());
            System.out.println("OPENED " + login + " " + students + " "
                    + (context.embeddedServer().owned() ? "owner" : "guest"));
            System.out.flush();
            System.in.read(); // until the test closes our input (or kills us)
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e);
            System.out.flush();
        }
    }
}

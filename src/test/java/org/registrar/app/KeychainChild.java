package org.registrar.app;

import java.util.Optional;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.DatabaseErrors;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.registrar.settings.Keychain;

/**
 * A child JVM for {@link KeychainTest}, started inside its own D-Bus session (with a Secret Service, or with none):
 * the keychain as the app uses it. Prints one line per step; "DONE" last.
 */
public final class KeychainChild {
    private KeychainChild() {}

    public static void main(String[] args) {
        String service = args[1];
        Keychain keychain = Keychain.probe(service);
        System.out.println("unavailable: " + keychain.unavailableReason().orElse("-"));
        switch (args[0]) {
            case "store-and-forget" -> storeAndForget(keychain);
            case "none" -> none(keychain);
            case "login" -> login(keychain, args[2], args[3], args[4], args[5]);
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    private static void storeAndForget(Keychain keychain) {
        String account = "ana@jdbc:postgresql://db.school.example:5432/registrar";
        System.out.println("before: " + keychain.password(account).isPresent());
        keychain.store(account, "Pässword 1");
        System.out.println("read: " + keychain.password(account).orElse("-"));
        keychain.store(account, "Pässword 2");
        System.out.println("replaced: " + keychain.password(account).orElse("-"));
        System.out.println("forgot: " + keychain.forget(account));
        System.out.println("after: " + keychain.password(account).isPresent());
        System.out.println("forgot again: " + keychain.forget(account));
    }

    private static void none(Keychain keychain) {
        String account = "ana@jdbc:postgresql://db.school.example:5432/registrar";
        System.out.println("read: " + keychain.password(account).isPresent());
        try {
            keychain.store(account, "secret");
            System.out.println("stored");
        } catch (IllegalStateException refused) {
            System.out.println("refused: " + refused.getMessage());
        }
        System.out.println("forgot: " + keychain.forget(account));
    }

    /** A remembered password the server refuses is forgotten; one typed with Remember ticked is kept once it works. */
    private static void login(Keychain keychain, String url, String user, String right, String closedUrl) {
        ConnectionProfile profile = new ConnectionProfile(url, user, ConnectionProfile.SslMode.DISABLE, null, false, 1);
        String account = Keychain.account(profile);
        keychain.store(account, right + "-wrong");
        System.out.println(
                "refused: " + kind(profile, right + "-wrong", new RememberedLogin.Keeping(keychain, true, false)));
        System.out.println("after refusal: " + keychain.password(account).isPresent());

        System.out.println("typed: " + kind(profile, right, new RememberedLogin.Keeping(keychain, false, true)));
        System.out.println(
                "kept: " + keychain.password(account).map(right::equals).orElse(false));

        ConnectionProfile away = profile.withUrl(closedUrl);
        keychain.store(Keychain.account(away), right);
        System.out.println("away: " + kind(away, right, new RememberedLogin.Keeping(keychain, true, false)));
        System.out.println(
                "after away: " + keychain.password(Keychain.account(away)).isPresent());
        keychain.forget(account);
        keychain.forget(Keychain.account(away));
    }

    private static String kind(ConnectionProfile profile, String password, RememberedLogin.Keeping keeping) {
        try {
            Optional<Integer> one = RememberedLogin.open(profile, password, keeping, () -> {
                try (Database database =
                        Database.open(profile, profile.url(), password, new QueryMetrics(), new PoolMetrics())) {
                    return database.jdbi()
                            .withHandle(handle -> handle.select("SELECT 1")
                                    .mapTo(Integer.class)
                                    .findOne());
                }
            });
            return "ok " + one.orElse(0);
        } catch (RuntimeException error) {
            return DatabaseErrors.classify(error).name();
        }
    }
}

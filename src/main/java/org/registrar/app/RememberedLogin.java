package org.registrar.app;

import java.util.function.Supplier;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.DatabaseErrors;
import org.registrar.settings.Keychain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A start with a password from the keychain, or one the user asked to remember: a remembered password the server
 * refuses is forgotten before the failure is reported, so the next try asks; one the user ticked "Remember" for is
 * kept only once the server took it. Blocking: on the start-up thread. Stateless.
 */
final class RememberedLogin {
    private static final Logger LOG = LoggerFactory.getLogger(RememberedLogin.class);

    /**
     * @param keychain null when the keychain was not asked
     * @param fromKeychain the password came from the keychain
     * @param keep the user ticked "Remember the password"
     */
    record Keeping(Keychain keychain, boolean fromKeychain, boolean keep) {
        static final Keeping NONE = new Keeping(null, false, false);
    }

    private RememberedLogin() {}

    /** Runs {@code start} (the first login to the server) with the keychain rules above; returns what it opened. */
    static <T> T open(ConnectionProfile profile, String password, Keeping keeping, Supplier<T> start) {
        T opened;
        try {
            opened = start.get();
        } catch (RuntimeException refused) {
            if (keeping.fromKeychain()
                    && keeping.keychain() != null
                    && DatabaseErrors.classify(refused) == DatabaseErrors.Kind.LOGIN) {
                keeping.keychain().forget(Keychain.account(profile));
            }
            throw refused;
        }
        if (keeping.keep() && keeping.keychain() != null && password != null) {
            try {
                keeping.keychain().store(Keychain.account(profile), password);
            } catch (IllegalStateException notKept) {
                LOG.warn("The password could not be remembered: {}", notKept.getMessage());
            }
        }
        return opened;
    }
}

package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.ConnectionProfile.SslMode;

/** The connection form's fields, without JavaFX: what they make, and a message beside each field that is wrong. */
class ConnectionFormViewModelTest {
    private final ConnectionFormViewModel form = new ConnectionFormViewModel(Set.of(), Runnable::run, Runnable::run);

    @Test
    void hostPortDatabaseAndLoginMakeTheProfile() {
        form.host.set(" db.school.org ");
        form.port.set("5999");
        form.database.set("registrar");
        form.user.set("ana");

        ConnectionProfile profile = form.validate().orElseThrow();

        assertThat(profile.url()).isEqualTo("jdbc:postgresql://db.school.org:5999/registrar");
        assertThat(profile.user()).isEqualTo("ana");
        assertThat(profile.sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void eachWrongFieldIsNamedBesideItAndNothingTypedIsLost() {
        form.host.set("");
        form.port.set("54x2");
        form.database.set("registrar");
        form.user.set("ana");
        form.sslMode.set(SslMode.VERIFY_FULL);

        assertThat(form.validate()).isEmpty();

        assertThat(form.hostError.get()).startsWith("Enter the server's name or address");
        assertThat(form.portError.get()).startsWith("The port is a number from 1 to 65535");
        assertThat(form.sslError.get()).contains("choose the root certificate file");
        assertThat(form.databaseError.get()).isEmpty();
        assertThat(form.userError.get()).isEmpty();
        assertThat(form.port.get()).isEqualTo("54x2");
        assertThat(form.database.get()).isEqualTo("registrar");
    }

    @Test
    void anAdvancedUrlWinsOverHostPortAndDatabaseAndItsProblemIsShownThere() {
        form.host.set("db.school.org");
        form.user.set("ana");
        form.url.set("jdbc:postgresql://other:5432/registrar?sslmode=disable");

        assertThat(form.validate()).isEmpty();
        assertThat(form.urlError.get()).contains("may not carry driver options");
        assertThat(form.hostError.get()).isEmpty();

        form.url.set("jdbc:postgresql://other:5433/registrar");
        assertThat(form.validate().orElseThrow().url()).isEqualTo("jdbc:postgresql://other:5433/registrar");
    }

    @Test
    void aSavedUrlIsShownAsHostPortAndDatabaseWhenItIsOnlyThat() {
        form.fill(new ConnectionProfile(
                "jdbc:postgresql://db.school.org:5999/registrar", "ana", SslMode.REQUIRE, null, false, 3));

        assertThat(form.host.get()).isEqualTo("db.school.org");
        assertThat(form.port.get()).isEqualTo("5999");
        assertThat(form.database.get()).isEqualTo("registrar");
        assertThat(form.url.get()).isEmpty();

        form.fill(new ConnectionProfile(
                "jdbc:postgresql://a:5432,b:5432/registrar", "ana", SslMode.REQUIRE, null, false, 3));
        assertThat(form.url.get()).isEqualTo("jdbc:postgresql://a:5432,b:5432/registrar");
    }

    @Test
    void lockedKeysAreKnownByName() {
        ConnectionFormViewModel locked =
                new ConnectionFormViewModel(Set.of("server.host", "server.port"), Runnable::run, Runnable::run);

        assertThat(locked.locked("server.host")).isTrue();
        assertThat(locked.locked("server.database")).isFalse();
    }
}

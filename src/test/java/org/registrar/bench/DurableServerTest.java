package org.registrar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;

/** A load run measures only a server that flushes as a school's does; the scale-out server is one. */
class DurableServerTest {
    @Test
    void theScaleOutServerReportsEveryDurabilitySettingOn() throws Exception {
        try (EmbeddedPostgres server = ScaleOutBench.server()) {
            assertThat(DurableServer.require(server.getPostgresDatabase()))
                    .isEqualTo("fsync = on, synchronous_commit = on, full_page_writes = on");
        }
    }

    @Test
    void aLoadRunOnTheTestServerWithFsyncOffIsRefusedBeforeAnyDesktopStarts() {
        List<Integer> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> LoadRun.run(
                        1,
                        Duration.ofMillis(1),
                        number -> {
                            opened.add(number);
                            throw new IllegalStateException("no desktop should start");
                        },
                        List.of(),
                        TestDatabases.server().getPostgresDatabase(),
                        1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fsync = off");
        assertThat(opened).isEmpty();
    }
}

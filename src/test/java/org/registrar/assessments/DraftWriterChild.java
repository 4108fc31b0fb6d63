package org.registrar.assessments;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;

/**
 * A child JVM for {@link DraftKilledMidWriteTest}: writes drafts of one grid through {@link DraftStore} in a loop,
 * generation after generation, each of a different size, and prints each generation once it is written. It never
 * stops by itself; the test kills it.
 */
public final class DraftWriterChild {
    static final long COHORT = 7;
    static final long ASSESSMENT = 42;

    private DraftWriterChild() {}

    public static void main(String[] args) {
        DraftStore drafts = new DraftStore(Path.of(args[0]));
        for (int generation = Integer.parseInt(args[1]); ; generation++) {
            drafts.save(generation(generation));
            System.out.println(generation);
            System.out.flush();
        }
    }

    /** Generation {@code g}: {@link #size(int)} entries, each scored g, with a comment naming g. */
    static Draft generation(int generation) {
        List<Draft.Entry> entries = new ArrayList<>();
        for (int i = 0; i < size(generation); i++) {
            entries.add(new Draft.Entry(1000 + i, String.valueOf(generation), "gen " + generation + " ✓ «ok»", i));
        }
        return new Draft(UUID.randomUUID(), COHORT, ASSESSMENT, null, Instant.now(), entries);
    }

    static int size(int generation) {
        return 200 + (generation % 7) * 400;
    }
}

package org.registrar.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.data.ScoreRejected;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.input.CsvFile;
import org.registrar.assessments.input.CsvImport;
import org.registrar.assessments.input.InputValidator;
import org.registrar.assessments.input.LineNote;
import org.registrar.assessments.input.Problem;
import org.registrar.assessments.input.ResultChanges;
import org.registrar.assessments.input.ValidatedInput;
import org.registrar.assessments.save.SaveResults;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.registrar.metrics.OperationScope;
import org.registrar.tasks.Tasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code registrar import-results}: the bulk entry screen's parser, validator and saver, headless. Prints one line
 * per problem and warning (line, column, student, value, message) and one per change (old → new score and comment,
 * what would change with {@code --dry-run}, what was saved otherwise: see {@link ImportReport}); saves nothing when any row is bad unless {@code --valid-only}; exit 0 only
 * when everything requested was saved (or, with {@code --dry-run}, would be).
 */
@Command(name = "import-results", mixinStandardHelpOptions = true, resourceBundle = CommandHelp.BUNDLE)
final class ImportResultsCommand implements Callable<Integer> {
    static final int SAVED = 0;
    static final int NOT_ALL_SAVED = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int UNREACHABLE = 3;
    static final String OPERATION = "Import results";

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--assessment", required = true, paramLabel = "${bundle:label.assessment}")
    String assessment;

    @Option(names = "--file", required = true, paramLabel = "${bundle:label.file}")
    Path file;

    @Option(names = "--sheet", paramLabel = "${bundle:label.sheet}")
    String sheet;

    @Option(names = "--encoding", paramLabel = "${bundle:label.encoding}")
    String encoding;

    @Option(names = "--dry-run")
    boolean dryRun;

    @Option(names = "--valid-only")
    boolean validOnly;

    PrintStream out = System.out;

    @Override
    public Integer call() {
        Launcher.prepareLogging(connection.dataHome());
        ConnectionProfile profile = connection.resolve();
        CsvImport.Result csv;
        try {
            csv = CsvFile.read(file, encoding == null ? null : Charset.forName(encoding));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            out.println(Messages.text("cli.import.unknownEncoding", encoding));
            return BAD_ARGUMENTS;
        } catch (IOException | RuntimeException unreadable) {
            out.println(Messages.text("cli.import.cannotRead", String.valueOf(file), unreadable.getMessage()));
            return BAD_ARGUMENTS;
        }
        if (sheet != null) {
            int index = csv.sheetIndex(sheet);
            if (index < 0) {
                out.println(Messages.text("sheets.cli.noSheet", sheet, String.join(", ", csv.sheetNames())));
                return BAD_ARGUMENTS;
            }
            csv = csv.withSheet(index);
        }
        if (csv.doubt() != null) {
            out.println(Messages.text(
                    "cli.import.doubtfulEncoding",
                    String.valueOf(file),
                    csv.doubt().describe()));
            return BAD_ARGUMENTS;
        }
        try (AppContext context = Startup.open(
                profile,
                ConnectionOptions.passwordFromEnvironment(),
                connection.dataHome(),
                Startup.DEFAULT_DEMO_STUDENTS,
                step -> {})) {
            return run(new ResultsRepository(context.database().jdbi()), csv, context);
        } catch (RuntimeException error) {
            out.println(Messages.text("cli.import.notSaved", DatabaseErrors.describe(error)));
            return UNREACHABLE;
        }
    }

    private int run(ResultsRepository repository, CsvImport.Result csv, AppContext context) {
        Optional<Assessment> target = find(repository);
        if (target.isEmpty()) {
            out.println(Messages.text("cli.import.noAssessment", assessment));
            return BAD_ARGUMENTS;
        }
        Assessment chosen = target.get();
        out.println(Messages.text("cli.import.assessment", String.valueOf(chosen.id()), chosen.describe()));
        out.println(Messages.text("cli.import.file", String.valueOf(file.getFileName()), csv.describe()));
        csv.warnings().forEach(warning -> out.println(Messages.text("cli.import.warning") + "\t" + warning));
        List<SheetRow> sheet = repository.sheet(chosen.cohortId(), chosen.id());
        InputValidator validator = new InputValidator(sheet, chosen.maxScore());
        ValidatedInput validated =
                validator.validate(csv.rows(), repository.cohortsOf(validator.unknownKeys(csv.rows())));
        ImportReport report = new ImportReport(out, csv);
        List<LineNote> notes = csv.mapping().notes(csv.table());
        notes.forEach(report::note);
        validated.problems().forEach(report::problem);
        List<ImportReport.Change> changes = new ArrayList<>();
        validated.valid().forEach(row -> {
            ResultChange change = ResultChanges.of(row.student(), row.score(), row.comment());
            if (change != null) {
                changes.add(new ImportReport.Change(row.student(), change));
            }
        });
        boolean bad = !validated.problems().isEmpty();
        out.println(Messages.text(
                "cli.import.summary",
                csv.rows().size(),
                validated.problems().stream().mapToInt(Problem::line).distinct().count(),
                notes.size(),
                changes.size(),
                validated.valid().size() - changes.size()));
        if (dryRun) {
            out.println(Messages.text("cli.import.wouldChange", changes.size()));
            report.changes(changes, change -> true);
        }
        if (bad && !validOnly) {
            out.println(Messages.text("cli.import.fixRows"));
            return NOT_ALL_SAVED;
        }
        if (dryRun || changes.isEmpty()) {
            out.println(dryRun ? Messages.text("cli.import.dryRun") : Messages.text("cli.import.nothingToSave"));
            return bad ? NOT_ALL_SAVED : SAVED;
        }
        return save(repository, chosen, changes, bad, context, report);
    }

    private int save(
            ResultsRepository repository,
            Assessment chosen,
            List<ImportReport.Change> changes,
            boolean bad,
            AppContext context,
            ImportReport report) {
        SaveRequest request = SaveRequest.existing(
                UUID.randomUUID(),
                chosen.id(),
                changes.stream().map(ImportReport.Change::change).toList());
        UUID batch = request.batchId();
        // the screen's protocol, run inline on this thread: the ledger is asked once, then the user is told what to do
        SaveResults saves = new SaveResults(
                Tasks.inline(context.database().queryMetrics()),
                repository,
                null,
                Runnable::run,
                SaveResults.Scheduler.realTime(),
                SaveResults.Retry.ONCE);
        CompletableFuture<SaveResults.Ending> ended = new CompletableFuture<>();
        OperationScope scope = context.database().queryMetrics().begin(OPERATION);
        try (scope) {
            saves.save(
                    request,
                    null,
                    waiting -> out.println(Messages.text("cli.import.checkingBatch", batch.toString())),
                    ended::complete);
        }
        SaveResults.Ending ending = ended.join();
        if (ending instanceof SaveResults.Saved saved) {
            SaveOutcome outcome = saved.outcome();
            out.println(Messages.text(
                    "cli.import.saved",
                    outcome.savedVersions().size(),
                    String.valueOf(outcome.batchId()),
                    scope.summary().describe()));
            report.changes(
                    changes,
                    each -> outcome.savedVersions().containsKey(each.change().studentId()));
            outcome.conflicts()
                    .forEach(conflict -> out.println(Messages.text(
                            "cli.import.conflict",
                            String.valueOf(conflict.studentId()),
                            String.valueOf(conflict.theirRecordedBy()))));
            return bad || !outcome.conflicts().isEmpty() ? NOT_ALL_SAVED : SAVED;
        }
        return notSaved(ending, batch);
    }

    /** How a save that did not simply save ended, said; the exit code. */
    private int notSaved(SaveResults.Ending ending, UUID batch) {
        if (ending instanceof SaveResults.Refused refused) {
            if (refused.cause() instanceof ScoreRejected rejected) {
                out.println(Messages.text(
                        "cli.import.refused", String.valueOf(rejected.studentId()), rejected.getMessage()));
                return NOT_ALL_SAVED;
            }
            throw refused.cause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(refused.cause());
        }
        if (ending instanceof SaveResults.Confirmed) {
            out.println(Messages.text("cli.import.confirmed", batch.toString()));
            return SAVED;
        }
        if (ending instanceof SaveResults.NotCommitted) {
            out.println(Messages.text("cli.import.notCommitted", batch.toString()));
        } else if (ending instanceof SaveResults.Unknown unknown) {
            out.println(
                    Messages.text("cli.import.unknown", DatabaseErrors.describe(unknown.cause()), batch.toString()));
        }
        return UNREACHABLE;
    }

    private Optional<Assessment> find(ResultsRepository repository) {
        if (assessment.matches("\\d+")) {
            return repository.assessment(Long.parseLong(assessment));
        }
        String[] parts = assessment.split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return repository.assessment(parts[0].strip(), parts[1].strip(), LocalDate.parse(parts[2].strip()));
        } catch (java.time.format.DateTimeParseException badDate) {
            return Optional.empty();
        }
    }
}

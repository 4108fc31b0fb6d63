package org.registrar.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout rules of shared/STYLE.md, checked on the compiled main classes. */
class ArchitectureTest {
    private static final String[] FEATURES = {
        "org.registrar.students..",
        "org.registrar.assessments..",
        "org.registrar.mentors..",
        "org.registrar.health..",
        "org.registrar.reports.."
    };
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // also when the build folder is not called target (-Dregistrar.buildDir=...)
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.registrar");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.registrar.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * The slices above lump a feature's sub-packages together, so a loop such as {@code assessments <->
     * assessments.input} went unseen: here each sub-package of a feature (and the feature's top package) is its own
     * slice, and the arrows between them must go one way.
     */
    @Test
    void subPackagesOfEveryFeatureHaveNoCycles() {
        slices().assignedFrom(new FeatureParts())
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }

    /** A class of {@code org.registrar.<feature>[.<part>...]} belongs to the slice "feature.part" ("feature" at top). */
    private static final class FeatureParts implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] parts = javaClass.getPackageName().split("\\.");
            if (parts.length < 3 || !parts[0].equals("org") || !parts[1].equals("registrar")) {
                return SliceIdentifier.ignore();
            }
            String feature = "org.registrar." + parts[2] + "..";
            if (!java.util.Arrays.asList(FEATURES).contains(feature)) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(parts.length == 3 ? parts[2] : parts[2] + "." + parts[3]);
        }

        @Override
        public String getDescription() {
            return "the top package and each first-level sub-package of every feature";
        }
    }

    @Test
    void featuresDoNotKnowEachOther() {
        for (String feature : FEATURES) {
            String[] others = java.util.Arrays.stream(FEATURES)
                    .filter(other -> !other.equals(feature))
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(feature)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(classes);
            noClasses()
                    .that()
                    .resideInAPackage(feature)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.registrar.app..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void dbCacheMetricsAndTasksKnowNothingOfFeaturesOrTheApp() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.registrar.db..",
                        "org.registrar.cache..",
                        "org.registrar.metrics..",
                        "org.registrar.tasks..",
                        "org.registrar.settings..",
                        "org.registrar.i18n..",
                        "org.registrar.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(FEATURES, "org.registrar.app.."))
                .check(classes);
    }

    @Test
    void dataAccessImportsNoJavaFx() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.registrar.db..",
                        "org.registrar.cache..",
                        "org.registrar.metrics..",
                        "org.registrar.tasks..",
                        "org.registrar.settings..",
                        "org.registrar.i18n..")
                .or()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewModelsImportNoSceneGraph() {
        classes()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackage("javafx.scene..")
                .check(classes);
    }

    /** The bench ships in its own jar (src/bench/java): nothing in registrar.jar may need one of its classes. */
    @Test
    void theAppDoesNotDependOnTheBench() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.registrar.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.registrar.bench..")
                .check(classes);
    }

    private static String[] concat(String[] first, String extra) {
        String[] all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = extra;
        return all;
    }
}

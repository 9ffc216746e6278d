package org.tandem.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The shape of the house, checked over the compiled classes: packages depend one way, from the features down to
 * the infrastructure and from the later features to the earlier ones; no package cycle; no resource uses another.
 * <p>
 * {@link #LAYERS} is the order, lowest first: a package may use only itself and the packages before it. To add a
 * feature, put its package where it belongs in that list.
 */
class ArchitectureTest {

    /** Lowest first. {@code org.tandem} itself holds the shared bases (Money, TrackedEntity). */
    static final List<String> LAYERS = List.of(
            // infrastructure: never reaches up into a feature
            "org.tandem", "org.tandem.problem", "org.tandem.storage", "org.tandem.scoring", "org.tandem.web",
            "org.tandem.export",
            "org.tandem.cache", "org.tandem.security", "org.tandem.audit", "org.tandem.notification",
            // features, each above the ones it builds on
            "org.tandem.registry", "org.tandem.cooperation", "org.tandem.indicator", "org.tandem.spreadsheet",
            "org.tandem.scheme",
            "org.tandem.assessment", "org.tandem.document", "org.tandem.funding", "org.tandem.report",
            "org.tandem.bench");

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tandem", "db.migration");

    @Test
    void everyPackageHasItsPlace() {
        assertHolds(classes().that().resideInAPackage("org.tandem..").should().resideInAnyPackage(LAYERS.toArray(String[]::new))
                .because("a new package must be given its place in ArchitectureTest.LAYERS"));
    }

    @Test
    void packagesDependOneWay() {
        // One rule per layer, checked together so that a failure lists every wrong dependency at once.
        CompositeArchRule oneWay = null;
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).toArray(String[]::new);
            ArchRule below = noClasses().that().resideInAPackage(LAYERS.get(i)).should().dependOnClassesThat()
                    .resideInAnyPackage(above).because(LAYERS.get(i) + " is below " + String.join(", ", above));
            oneWay = oneWay == null ? CompositeArchRule.of(below) : oneWay.and(below);
        }
        assertHolds(oneWay);
    }

    @Test
    void noPackageCycles() {
        assertHolds(slices().matching("org.tandem.(*)..").should().beFreeOfCycles());
    }

    @Test
    void theApplicationNeverUsesTheMigrations() {
        assertHolds(noClasses().that().resideInAPackage("org.tandem..").should().dependOnClassesThat()
                .resideInAPackage("db.migration.."));
    }

    @Test
    void noResourceUsesAnotherResource() {
        assertHolds(classes().that(RESOURCES).should(useNoOtherResource()));
    }

    /** Fails with every violation of {@code rule} over the application's classes, listed. */
    private static void assertHolds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertFalse(result.hasViolation(), () -> String.join("\n", result.getFailureReport().getDetails()));
    }

    private static final DescribedPredicate<JavaClass> RESOURCES = DescribedPredicate.describe("are resources",
            c -> c.getPackageName().startsWith("org.tandem") && outermost(c).getSimpleName().endsWith("Resource"));

    private static JavaClass outermost(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static ArchCondition<JavaClass> useNoOtherResource() {
        return new ArchCondition<>("use no other resource") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                JavaClass self = outermost(resource);
                resource.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    if (RESOURCES.test(target) && !outermost(target).equals(self)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }
}

package dev.strand;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.strand.annotation.Get;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN.md, read from the class files: each rule fails, naming the offending
 * class and dependency, when an import points the wrong way.
 */
class LayersTest {
    private static final JavaClasses FRAMEWORK = new ClassFileImporter().importPath(location(Strand.class));
    private static final JavaClasses ANNOTATIONS = new ClassFileImporter().importPackagesOf(Get.class);

    private static final String JETTY_BINDING_HTTP = "dev.strand.internal.http..";
    private static final String JETTY_BINDING_WS = "dev.strand.internal.websocket..";
    private static final String JETTY_BINDING_SSE = "dev.strand.internal.sse..";

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void annotationsDependOnNothingButTheJdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.strand.annotation..", "java..")
                .check(ANNOTATIONS);
    }

    @Test
    void onlyTheScannerImportsClassGraph() {
        noClasses().that().resideOutsideOfPackage("dev.strand.internal.scan..")
                .should().dependOnClassesThat().resideInAPackage("io.github.classgraph..")
                .check(FRAMEWORK);
    }

    @Test
    void onlyTheJettyBindingImportsJetty() {
        noClasses().that().resideOutsideOfPackages(JETTY_BINDING_HTTP, JETTY_BINDING_WS, JETTY_BINDING_SSE)
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .check(FRAMEWORK);
    }

    /**
     * Micrometer is optional: only the metrics package names it, so that its classes load only
     * when metrics are on; {@link Strand.Builder#meterRegistry} takes a registry in its signature alone.
     */
    @Test
    void onlyTheMetricsPackageImportsMicrometer() {
        noClasses().that().resideOutsideOfPackage("dev.strand.internal.micrometer..")
                .and(DescribedPredicate.describe("are not the entry point", c -> !isEntryPoint(c)))
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(FRAMEWORK);
    }

    @Test
    void theHotPathsKnowOnlyTheMetricsInterfaces() {
        noClasses().that().resideInAnyPackage(JETTY_BINDING_HTTP, JETTY_BINDING_WS, JETTY_BINDING_SSE, "dev.strand.broadcast..")
                .should().dependOnClassesThat().resideInAPackage("dev.strand.internal.micrometer..")
                .check(FRAMEWORK);
    }

    @Test
    void broadcastKnowsNoJettyAndNoMachinery() {
        noClasses().that().resideInAPackage("dev.strand.broadcast..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "dev.strand.internal..")
                .check(FRAMEWORK);
    }

    @Test
    void routingKnowsNoJettyBinding() {
        noClasses().that().resideInAnyPackage("dev.strand.internal.routing..", "dev.strand.internal.scan..",
                        "dev.strand.internal.pipeline..", "dev.strand.internal.json..")
                .should().dependOnClassesThat().resideInAnyPackage(JETTY_BINDING_HTTP, JETTY_BINDING_WS,
                        JETTY_BINDING_SSE, "org.eclipse.jetty..", "dev.strand.internal.assembly..")
                .check(FRAMEWORK);
    }

    @Test
    void apiDescriptionsReadTheRoutesButKnowNoJettyBinding() {
        noClasses().that().resideInAPackage("dev.strand.internal.apidoc..")
                .should().dependOnClassesThat().resideInAnyPackage(JETTY_BINDING_HTTP, JETTY_BINDING_WS,
                        JETTY_BINDING_SSE, "org.eclipse.jetty..", "dev.strand.internal.assembly..",
                        "dev.strand.internal.pipeline..")
                .check(FRAMEWORK);
    }

    @Test
    void theApiImportsNothingOfTheFramework() {
        noClasses().that(api())
                .should().dependOnClassesThat().resideInAnyPackage("dev.strand.internal..", "dev.strand.middleware..",
                        "dev.strand.broadcast..")
                .check(FRAMEWORK);
    }

    @Test
    void theBundledMiddlewareStaysOffTheJettyBindingAndTheAssembly() {
        noClasses().that().resideInAPackage("dev.strand.middleware..")
                .should().dependOnClassesThat().resideInAnyPackage(JETTY_BINDING_HTTP, JETTY_BINDING_WS,
                        JETTY_BINDING_SSE, "dev.strand.internal.assembly..", "dev.strand.internal.pipeline..",
                        "org.eclipse.jetty..")
                .check(FRAMEWORK);
    }

    /**
     * No cycles between layers. {@link Strand} is the assembly's entry point though it sits in the
     * root package beside the API, so it counts as part of the assembly slice.
     */
    @Test
    void noCyclesBetweenPackages() {
        SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                var pkg = type.getPackageName();
                if (!pkg.startsWith("dev.strand")) return SliceIdentifier.ignore();
                if (isEntryPoint(type)) return SliceIdentifier.of("dev.strand.internal.assembly");
                return SliceIdentifier.of(pkg);
            }

            @Override
            public String getDescription() {
                return "packages, with Strand counted as the assembly";
            }
        }).should().beFreeOfCycles().check(FRAMEWORK);
    }

    @Test
    void theRootPackageHoldsAtMostTenPublicTypes() {
        long count = FRAMEWORK.stream()
                .filter(c -> c.getPackageName().equals("dev.strand") && c.getModifiers().contains(JavaModifier.PUBLIC)
                        && c.getEnclosingClass().isEmpty())
                .count();
        assertTrue(count <= 10, "dev.strand has " + count + " public top-level types; move machinery to dev.strand.internal");
    }

    private static boolean isEntryPoint(JavaClass type) {
        var top = type;
        while (top.getEnclosingClass().isPresent()) top = top.getEnclosingClass().get();
        return top.isEquivalentTo(Strand.class);
    }

    private static DescribedPredicate<JavaClass> api() {
        return DescribedPredicate.describe("are API types",
                c -> !isEntryPoint(c) && (c.getPackageName().equals("dev.strand")
                        || c.getPackageName().startsWith("dev.strand.websocket")
                        || c.getPackageName().startsWith("dev.strand.sse")
                        || c.getPackageName().startsWith("dev.strand.config")));
    }
}

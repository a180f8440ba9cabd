package dev.strand.processor;

import dev.strand.annotation.Delete;
import dev.strand.annotation.Get;
import dev.strand.annotation.Global;
import dev.strand.annotation.Patch;
import dev.strand.annotation.Post;
import dev.strand.annotation.Put;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Writes {@value #INDEX}: the classes with route methods ({@code @Get} … {@code @Sse}) and the
 * classes annotated {@code @Global} that one compilation saw, one per line as
 * {@code controller <binary name>} or {@code global <binary name>}, sorted. Strand reads it at
 * startup instead of scanning the class path; both give the same route table.
 *
 * <p>The index covers what the compilation compiled, so it must compile every source of the app
 * at once (Maven's compiler plugin does; an IDE's incremental build may not: start such a build
 * with {@code -Dstrand.scan=classpath}). Enable it with {@code <annotationProcessorPaths>} or
 * {@code -proc:full}: since JDK 23 javac runs no processor it merely finds on the class path.
 */
public final class RouteIndexProcessor extends AbstractProcessor {
    /** Where the index goes in the class output, and where Strand looks for it. */
    public static final String INDEX = "META-INF/strand/index";

    private static final List<Class<? extends Annotation>> ROUTES =
            List.of(Get.class, Post.class, Put.class, Delete.class, Patch.class, Ws.class, Sse.class);

    private final Set<String> controllers = new TreeSet<>();
    private final Set<String> global = new TreeSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        var names = ROUTES.stream().map(Class::getCanonicalName).collect(Collectors.toCollection(TreeSet::new));
        names.add(Global.class.getCanonicalName());
        return names;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (var type : ROUTES) {
            for (var method : round.getElementsAnnotatedWith(type)) controllers.add(binaryName(method.getEnclosingElement()));
        }
        for (var type : round.getElementsAnnotatedWith(Global.class)) global.add(binaryName(type));
        if (round.processingOver() && !(controllers.isEmpty() && global.isEmpty())) write();
        return false;
    }

    private String binaryName(Element type) {
        return processingEnv.getElementUtils().getBinaryName((TypeElement) type).toString();
    }

    private void write() {
        var text = new StringBuilder();
        controllers.forEach(name -> text.append("controller ").append(name).append('\n'));
        global.forEach(name -> text.append("global ").append(name).append('\n'));
        try (var out = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX).openOutputStream()) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e.getMessage());
            throw new UncheckedIOException(e);
        }
    }
}

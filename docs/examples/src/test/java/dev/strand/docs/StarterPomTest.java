package dev.strand.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The pom "Getting started" tells newcomers to copy must name the versions this build uses and an
 * app that exists; otherwise a release would leave the first page of the docs behind.
 */
class StarterPomTest {
    private static final Path POM = Path.of(System.getProperty("strand.docs.root", "..")).resolve("examples/starter/pom.xml");

    @Test
    void namesTheVersionsThisBuildUses() throws Exception {
        var versions = dependencyVersions();
        assertEquals(System.getProperty("strand.version"), versions.get("strand-framework"));
        assertEquals(System.getProperty("strand.version"), versions.get("strand-test"));
        assertEquals(System.getProperty("slf4j.version"), versions.get("slf4j-simple"));
        assertEquals(System.getProperty("junit.version"), versions.get("junit-jupiter"));
    }

    @Test
    void runsTheGettingStartedAppOnJava21() throws Exception {
        var properties = (Element) pom().getElementsByTagName("properties").item(0);
        assertEquals("21", text(properties, "maven.compiler.release"));
        var app = Class.forName(text(properties, "exec.mainClass"));
        var main = app.getMethod("main", String[].class);
        assertTrue(Modifier.isStatic(main.getModifiers()), "main must be static");
    }

    private static Map<String, String> dependencyVersions() throws Exception {
        var versions = new HashMap<String, String>();
        var dependencies = pom().getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            var dependency = (Element) dependencies.item(i);
            versions.put(text(dependency, "artifactId"), text(dependency, "version"));
        }
        return versions;
    }

    private static Element pom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile()).getDocumentElement();
    }

    private static String text(Element parent, String tag) {
        var node = parent.getElementsByTagName(tag).item(0);
        assertNotNull(node, "<" + tag + "> in " + POM);
        return node.getTextContent().strip();
    }
}

package dev.relaykit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a user's build and Maven Central see of the POMs: every published POM carries (or inherits from
 * the parent) name, description, url, licenses, developers and scm; samples, benchmarks and kafka-test-broker are never
 * installed or deployed; library modules bring no SLF4J binding outside their tests; the LICENSE file is
 * the Apache License 2.0 the POMs name.
 */
class PublishedPomsTest {
    private static final Path ROOT = LauncherTest.ROOT;
    private static final List<String> UNPUBLISHED = List.of("samples", "benchmarks", "kafka-test-broker");
    private static final List<String> BINDINGS = List.of("slf4j-simple", "logback-classic", "slf4j-reload4j",
            "slf4j-log4j12", "log4j-slf4j-impl", "log4j-slf4j2-impl", "slf4j-jdk14", "slf4j-nop");

    private static Element pom(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(file.toFile());
        return d.getDocumentElement();
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String text(Element e, String path) {
        Element at = e;
        for (String step : path.split("/")) {
            at = at == null ? null : child(at, step);
        }
        return at == null ? null : at.getTextContent().strip();
    }

    private static List<String> modules(Element parent) {
        List<String> names = new ArrayList<>();
        NodeList list = child(parent, "modules").getElementsByTagName("module");
        for (int i = 0; i < list.getLength(); i++) {
            names.add(list.item(i).getTextContent().strip());
        }
        return names;
    }

    /** The metadata Maven Central requires, checked on a POM that carries it itself. */
    private static void assertCentralMetadata(String who, Element pom) {
        assertThat(text(pom, "name")).as(who + " name").isNotBlank();
        assertThat(text(pom, "description")).as(who + " description").isNotBlank();
        assertThat(text(pom, "url")).as(who + " url").isEqualTo("https://relaykit.dev");
        assertThat(text(pom, "licenses/license/name")).as(who + " license").isEqualTo("Apache License, Version 2.0");
        assertThat(text(pom, "licenses/license/url")).as(who + " license url")
                .isEqualTo("https://www.apache.org/licenses/LICENSE-2.0.txt");
        assertThat(text(pom, "developers/developer/name")).as(who + " developer").isNotBlank();
        assertThat(text(pom, "scm/connection")).as(who + " scm connection").startsWith("scm:git:");
        assertThat(text(pom, "scm/developerConnection")).as(who + " scm developerConnection").startsWith("scm:git:");
        assertThat(text(pom, "scm/url")).as(who + " scm url").startsWith("https://");
    }

    @Test
    void everyPublishedPomCarriesWhatMavenCentralRequires() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        assertCentralMetadata("relaykit-parent", parent);
        // children inherit url and scm as written, not suffixed with their artifactId
        assertThat(parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
        Element scm = child(parent, "scm");
        for (String part : List.of("connection", "developerConnection", "url")) {
            assertThat(scm.getAttribute("child.scm." + part + ".inherit.append.path")).as(part).isEqualTo("false");
        }

        List<String> modules = modules(parent);
        assertThat(modules).contains("bom", "sdk-core", "testkit", "binance", "socketio", "whatsapp");
        for (String module : modules) {
            Element pom = pom(ROOT.resolve(module).resolve("pom.xml"));
            String parentId = text(pom, "parent/artifactId");
            if (parentId == null) {
                assertCentralMetadata(module, pom);   // the BOM: no parent on purpose, so all of it here
            } else {
                assertThat(parentId).as(module).isEqualTo("relaykit-parent");
                assertThat(text(pom, "name")).as(module + " name").isNotBlank();
                assertThat(text(pom, "description")).as(module + " description").isNotBlank();
                for (String own : List.of("url", "scm", "licenses", "developers")) {
                    assertThat(child(pom, own)).as(module + " overrides the parent's " + own).isNull();
                }
            }
            boolean skipped = "true".equals(text(pom, "properties/maven.install.skip"))
                    && "true".equals(text(pom, "properties/maven.deploy.skip"));
            assertThat(skipped).as(module + " skips install and deploy").isEqualTo(UNPUBLISHED.contains(module));
        }
    }

    @Test
    void libraryModulesBringNoLoggingBindingAndTheSamplesOnlyAtRuntime() throws Exception {
        for (String module : modules(pom(ROOT.resolve("pom.xml")))) {
            NodeList deps = pom(ROOT.resolve(module).resolve("pom.xml")).getElementsByTagName("dependency");
            for (int i = 0; i < deps.getLength(); i++) {
                Element dep = (Element) deps.item(i);
                if (!BINDINGS.contains(text(dep, "artifactId"))) {
                    continue;
                }
                String scope = text(dep, "scope");
                if (module.equals("benchmarks")) {
                    continue;   // a runnable JMH jar, never a dependency of anything
                } else if (module.equals("samples")) {
                    assertThat(scope).as("samples: " + text(dep, "artifactId")).isEqualTo("runtime");
                } else {
                    assertThat(scope).as(module + ": " + text(dep, "artifactId")).isEqualTo("test");
                }
            }
        }
    }

    @Test
    void theLicenseFileIsTheApacheLicenseThePomsName() throws Exception {
        String license = Files.readString(ROOT.resolve("LICENSE"));
        assertThat(license).contains("Apache License", "Version 2.0, January 2004",
                "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "END OF TERMS AND CONDITIONS");
        assertThat(license.lines().count()).isGreaterThan(190);
        assertThat(Files.readString(ROOT.resolve("CHANGELOG.md"))).contains("## [Unreleased]");
    }
}

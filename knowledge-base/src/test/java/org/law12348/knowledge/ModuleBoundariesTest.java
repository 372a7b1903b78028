package org.law12348.knowledge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Search engine types stay inside their adapters: Lucene in {@code internal.lucene}, the
 * Elasticsearch client in {@code internal.elasticsearch}. The rest of the module, and the contract
 * test the Elasticsearch module runs without Lucene on its classpath, see only the port.
 */
class ModuleBoundariesTest {

    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        // import the module's own output only: scanning the whole classpath for the package is slow
        main = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void luceneStaysInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("..internal.lucene..")
                .and().doNotHaveSimpleName("KnowledgeBaseConfiguration")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(main);
    }

    @Test
    void theEmbeddingModelStaysInTheSemanticPackage() {
        noClasses().that().resideOutsideOfPackage("..internal.semantic..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "ai.onnxruntime..", "ai.djl..")
                .check(main);
    }

    @Test
    void elasticsearchStaysInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("..internal.elasticsearch..")
                .should().dependOnClassesThat().resideInAnyPackage("co.elastic..", "org.elasticsearch..", "org.apache.http..")
                .check(main);
    }

    @Test
    void theSearchContractNeedsNoSearchEngine() {
        noClasses().that().haveSimpleName("KnowledgeSearchContract")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "co.elastic..")
                .check(new ClassFileImporter().importPath(Path.of("target/test-classes")));
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("..internal.lucene..")
                .should().dependOnClassesThat().resideInAPackage("..internal.elasticsearch..")
                .check(main);
        noClasses().that().resideInAPackage("..internal.elasticsearch..")
                .should().dependOnClassesThat().resideInAPackage("..internal.lucene..")
                .check(main);
    }
}

package org.law12348.knowledge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.law12348.knowledge");
    }

    @Test
    void luceneStaysInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("..internal.lucene..")
                .and().doNotHaveSimpleName("KnowledgeBaseConfiguration")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
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
                .check(new ClassFileImporter().importPackages("org.law12348.knowledge"));
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

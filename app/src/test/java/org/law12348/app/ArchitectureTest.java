package org.law12348.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of DESIGN.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final String[] CHANNEL_SDKS = {"org.asteriskjava..", "me.chanjar..", "cn.binarywang..",
            "com.github.binarywang..", "com.alipay.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.law12348");
    }

    @Test
    void ticketingKnowsNoCamundaAndNoChannelSdk() {
        noClasses().that().resideInAPackage("org.law12348.ticketing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
                .orShould().dependOnClassesThat().resideInAnyPackage(CHANNEL_SDKS)
                .check(classes);
    }

    @Test
    void ticketingDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.law12348.ticketing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.law12348.workflow..",
                        "org.law12348.knowledge..", "org.law12348.telephony..", "org.law12348.miniapp..",
                        "org.law12348.portal..", "org.law12348.app..")
                .check(classes);
    }

    @Test
    void channelsDoNotImportEachOther() {
        noClasses().that().resideInAPackage("org.law12348.telephony..")
                .should().dependOnClassesThat().resideInAnyPackage("org.law12348.miniapp..", "org.law12348.portal..")
                .check(classes);
        noClasses().that().resideInAPackage("org.law12348.miniapp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.law12348.telephony..", "org.law12348.portal..")
                .check(classes);
        noClasses().that().resideInAPackage("org.law12348.portal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.law12348.telephony..", "org.law12348.miniapp..")
                .check(classes);
    }

    @Test
    void channelSdksStayInsideTheirAdapter() {
        noClasses().that().resideOutsideOfPackage("org.law12348.telephony..")
                .should().dependOnClassesThat().resideInAnyPackage("org.asteriskjava..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.law12348.miniapp..")
                .should().dependOnClassesThat().resideInAnyPackage("me.chanjar..", "cn.binarywang..",
                        "com.github.binarywang..", "com.alipay..")
                .check(classes);
    }

    @Test
    void onlyWorkflowAndTheAppTalkToCamunda() {
        noClasses().that().resideOutsideOfPackages("org.law12348.workflow..", "org.law12348.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
                .check(classes);
    }

    @Test
    void theKnowledgeBaseDependsOnNoChannel() {
        noClasses().that().resideInAPackage("org.law12348.knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage("org.law12348.telephony..", "org.law12348.miniapp..",
                        "org.law12348.portal..", "org.law12348.workflow..")
                .check(classes);
    }
}

package org.law12348.app;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.Tickets;
import org.springframework.data.repository.Repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of DESIGN.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final String[] CHANNEL_SDKS = {"org.asteriskjava..", "me.chanjar..", "cn.binarywang..",
            "com.github.binarywang..", "com.alipay.."};
    private static final String[] CHANNELS = {"org.law12348.telephony..", "org.law12348.miniapp..",
            "org.law12348.portal.."};
    /** A module is the package right below {@code org.law12348}; its implementation sits in {@code internal}. */
    private static final Pattern MODULE = Pattern.compile("org\\.law12348\\.(\\w+)(\\..*)?");
    private static final Pattern INTERNAL = Pattern.compile("org\\.law12348\\.(\\w+)\\.internal(\\..*)?");
    /** SQL or JPQL that reads or writes ticket storage: the tickets, their timelines and the outbox. */
    private static final Pattern TICKET_TABLES = Pattern.compile(
            "(?i)\\b(from|join|update|into)\\s+(ticket|timeline_entry|outbox_event)\\b");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the telephony test-jar (its AMI peer, for the desk's browser test) is on this classpath: its
        // test classes are no part of the product
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
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
                        "org.law12348.consultation..", "org.law12348.attachments..", "org.law12348.knowledge..",
                        "org.law12348.telephony..", "org.law12348.miniapp..", "org.law12348.portal..",
                        "org.law12348.app..")
                .check(classes);
    }

    /** Personal data sits below every other module: they all keep personal data, it keeps none of theirs. */
    @Test
    void personalDataDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.law12348.personaldata..")
                .should().dependOnClassesThat().resideInAnyPackage("org.law12348.ticketing..",
                        "org.law12348.consultation..", "org.law12348.attachments..", "org.law12348.workflow..",
                        "org.law12348.knowledge..", "org.law12348.telephony..", "org.law12348.miniapp..",
                        "org.law12348.portal..", "org.law12348.app..")
                .check(classes);
    }

    /**
     * Consultation and attachments work on tickets through ticketing (consultation also checks licence
     * photos with attachments' document check); no channel, Camunda or knowledge base underneath.
     */
    @Test
    void consultationAndAttachmentsDependOnNoChannelWorkflowOrKnowledgeBase() {
        noClasses().that().resideInAnyPackage("org.law12348.consultation..", "org.law12348.attachments..")
                .should().dependOnClassesThat().resideInAnyPackage("org.law12348.workflow..",
                        "org.law12348.knowledge..", "org.law12348.telephony..", "org.law12348.miniapp..",
                        "org.law12348.portal..", "org.law12348.app..", "org.camunda..")
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

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        classes().should(reachOnlyTheirOwnModulesInternals()).check(classes);
    }

    @Test
    void modulesDependOnEachOtherWithoutCycles() {
        slices().matching("org.law12348.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Channels read tickets through ticketing's API (TicketLookup, TicketService, ...), never its storage. */
    @Test
    void channelsUseNeitherTicketingInternalsNorTheTicketRepository() {
        noClasses().that().resideInAnyPackage(CHANNELS)
                .should().dependOnClassesThat().resideInAPackage("org.law12348.ticketing.internal..")
                .orShould().dependOnClassesThat().belongToAnyOf(Tickets.class)
                .check(classes);
    }

    @Test
    void channelsKeepNoRepositoryOfTickets() {
        noClasses().that().resideInAnyPackage(CHANNELS).and().areAssignableTo(Repository.class)
                .should().dependOnClassesThat().belongToAnyOf(Ticket.class)
                .because("a channel's own repository of tickets reads ticket storage behind ticketing's back")
                .check(classes);
    }

    @Test
    void channelsDoNotQueryTicketTables() {
        // a Flyway migration is pinned to the schema of its moment and runs before any API exists
        classes().that().resideInAnyPackage(CHANNELS).and().areNotAssignableTo(JavaMigration.class)
                .should(notQueryTicketTables()).check(classes);
    }

    private static ArchCondition<JavaClass> reachOnlyTheirOwnModulesInternals() {
        return new ArchCondition<>("reach only their own module's internal packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = moduleOf(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Matcher internal = INTERNAL.matcher(dependency.getTargetClass().getPackageName());
                    if (internal.matches() && !internal.group(1).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String moduleOf(String packageName) {
        Matcher module = MODULE.matcher(packageName);
        return module.matches() ? module.group(1) : "";
    }

    /** Looks at the string constants of the compiled class, where a query written in Java ends up. */
    private static ArchCondition<JavaClass> notQueryTicketTables() {
        return new ArchCondition<>("not query ticket tables") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                javaClass.getSource().ifPresent(source -> {
                    Matcher query = TICKET_TABLES.matcher(classFileText(source.getUri().toString()));
                    if (query.find()) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                                + " queries ticket storage (\"" + query.group() + "\") in " + source.getUri()));
                    }
                });
            }
        };
    }

    private static String classFileText(String uri) {
        try (InputStream in = java.net.URI.create(uri).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + uri, e);
        }
    }
}

package org.law12348.telephony;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Asterisk-Java stays inside its adapters: the FastAGI scripts and the AMI wiring. */
class DependencyRuleTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.law12348.telephony");

    @Test
    void onlyTheAdaptersTouchAsteriskJava() {
        noClasses().that().resideOutsideOfPackages("..telephony.internal.ivr..", "..telephony.internal.ami..")
                .and().doNotHaveSimpleName("TelephonyConfiguration").and().doNotHaveSimpleName("TelephonyConfiguration$AmiWiring")
                .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..")
                .check(classes);
    }

    @Test
    void ticketingKnowsNothingOfTelephony() {
        noClasses().that().resideInAPackage("org.law12348.ticketing..")
                .should().dependOnClassesThat().resideInAPackage("org.law12348.telephony..")
                .check(new ClassFileImporter().importPackages("org.law12348.ticketing"));
    }
}

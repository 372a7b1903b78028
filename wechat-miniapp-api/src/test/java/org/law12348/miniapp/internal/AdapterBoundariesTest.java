package org.law12348.miniapp.internal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** SDK types stay in their adapter; the public package holds no implementation. */
class AdapterBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.law12348.miniapp");
    }

    @Test
    void wxJavaIsUsedOnlyByTheWechatAdapter() {
        noClasses().that().resideOutsideOfPackage("org.law12348.miniapp.internal.wechat..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.binarywang..", "me.chanjar..",
                        "com.github.binarywang..")
                .check(classes);
    }

    @Test
    void theAlipaySdkIsUsedOnlyByTheAlipayAdapter() {
        noClasses().that().resideOutsideOfPackage("org.law12348.miniapp.internal.alipay..")
                .should().dependOnClassesThat().resideInAnyPackage("com.alipay..")
                .check(classes);
    }

    @Test
    void theAlibabaCloudSmsSdkIsUsedOnlyByTheSmsAdapter() {
        noClasses().that().resideOutsideOfPackage("org.law12348.miniapp.internal.sms..")
                .should().dependOnClassesThat().resideInAnyPackage("com.aliyun..")
                .check(classes);
    }

    @Test
    void thePublicPackageDependsOnNoImplementation() {
        noClasses().that().resideInAPackage("org.law12348.miniapp")
                .should().dependOnClassesThat().resideInAPackage("org.law12348.miniapp.internal..")
                .check(classes);
    }
}

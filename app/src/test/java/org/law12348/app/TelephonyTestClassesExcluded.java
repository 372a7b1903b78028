package org.law12348.app;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.io.IOException;
import java.util.List;

/**
 * The app's tests have telephony's test classes on the classpath for its AMI peer; its test
 * application (a {@code @SpringBootConfiguration} with stand-in beans and a {@code @Primary} clock) must
 * stay out of the product's component scan of {@code org.law12348}, as Spring Boot's own
 * TestTypeExcludeFilter keeps the app's test configurations out.
 */
public final class TelephonyTestClassesExcluded extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        String where = reader.getResource().getURL().toString();
        return where.contains("/telephony/target/test-classes/") || where.matches(".*telephony-[^/]*-tests\\.jar.*");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TelephonyTestClassesExcluded;
    }

    @Override
    public int hashCode() {
        return TelephonyTestClassesExcluded.class.hashCode();
    }

    /**
     * The product started outside a test context (several nodes, restarts): the filter is registered
     * before its component scan all the same, which a test context's customizer would otherwise do.
     */
    public static SpringApplicationBuilder product() {
        return new SpringApplicationBuilder(ContactCenterApplication.class).initializers(context -> context
                .getBeanFactory().registerSingleton("telephonyTestClassesExcluded", new TelephonyTestClassesExcluded()));
    }

    /** Registers the filter in every test context before its component scan. */
    public static final class Factory implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            return new Customizer();
        }
    }

    private static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().registerSingleton("telephonyTestClassesExcluded", new TelephonyTestClassesExcluded());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}

package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.law12348.personaldata.privacy.PrivacyProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key settings as application.yml and the postgres profile ship them, bound as at startup. */
class PrivacyKeysConfigurationTest {

    private static final String KEY = "cXY5TQH9noVC3d73m4dVpScpSyVpdI5U3KzZ9SM/YCA=";
    private static final String INDEX_KEY = "WDaClLUkjm1TQaT3rjcpddkPCnpa8nWYecDlIlK2m1c=";

    @Test
    void theEmbeddedDefaultStartsOnTheDemoKeys() throws IOException {
        PrivacyProperties keys = bind(Map.of(), "application.yml");

        assertThat(keys.activeKey()).isEqualTo("demo");
        assertThat(keys.keys()).containsEntry("demo", PrivacyProperties.DEMO_KEY);
    }

    @Test
    void thePostgresProfileRefusesToStartWithoutKeysFromTheEnvironment() {
        assertThatThrownBy(() -> bind(Map.of(), "application.yml", "application-postgres.yml"))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("law12348.privacy.active-key is missing")
                .hasMessageContaining("LAW12348_PRIVACY_KEYS_<ID>");
    }

    @Test
    void thePostgresProfileTakesItsKeysFromTheEnvironmentAndDropsTheDemoKey() throws IOException {
        PrivacyProperties keys = bind(Map.of("LAW12348_PRIVACY_ACTIVE_KEY", "k2026",
                "LAW12348_PRIVACY_KEYS_K2026", KEY, "LAW12348_PRIVACY_BLIND_INDEX_KEY", INDEX_KEY),
                "application.yml", "application-postgres.yml");

        assertThat(keys.activeKey()).isEqualTo("k2026");
        assertThat(keys.keys()).containsOnlyKeys("k2026");
        assertThat(keys.demoKeysAllowed()).isFalse();
    }

    private static PrivacyProperties bind(Map<String, Object> environment, String... files) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        // stands in for the process environment, mapped as Spring maps real environment variables
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        // later files override earlier ones, as a profile's file overrides application.yml
        for (String file : files) {
            List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
            loaded.forEach(source -> env.getPropertySources().addAfter(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source));
        }
        ConfigurationPropertySources.attach(env);
        return Binder.get(env).bindOrCreate("law12348.privacy", Bindable.of(PrivacyProperties.class));
    }
}

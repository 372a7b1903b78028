package org.law12348.personaldata.privacy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.law12348.personaldata.privacy.PersonalDataCipherTest.INDEX_KEY;
import static org.law12348.personaldata.privacy.PersonalDataCipherTest.KEY_2025;

class PrivacyPropertiesTest {

    @Test
    void startupFailsNamingTheEnvironmentVariablesWhenNoKeyIsConfigured() {
        assertThatThrownBy(() -> new PrivacyProperties(Map.of(), "", INDEX_KEY, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("law12348.privacy.active-key is missing")
                .hasMessageContaining("LAW12348_PRIVACY_ACTIVE_KEY");
        assertThatThrownBy(() -> new PrivacyProperties(Map.of(), "k1", INDEX_KEY, false))
                .hasMessageContaining("no usable key of that id");
        assertThatThrownBy(() -> new PrivacyProperties(Map.of("k1", KEY_2025), "k1", "", false))
                .hasMessageContaining("law12348.privacy.blind-index-key is missing");
    }

    @Test
    void theDemoKeysAreRefusedUnlessExplicitlyAllowed() {
        Map<String, String> demo = Map.of("demo", PrivacyProperties.DEMO_KEY);
        assertThatThrownBy(() -> new PrivacyProperties(demo, "demo", INDEX_KEY, false))
                .hasMessageContaining("no usable key");
        assertThatThrownBy(() -> new PrivacyProperties(Map.of("k1", KEY_2025), "k1",
                PrivacyProperties.DEMO_BLIND_INDEX_KEY, false)).hasMessageContaining("public demo key");

        PrivacyProperties allowed = new PrivacyProperties(demo, "demo", PrivacyProperties.DEMO_BLIND_INDEX_KEY, true);
        assertThat(allowed.keys()).containsKey("demo");
        PrivacyProperties production = new PrivacyProperties(Map.of("demo", PrivacyProperties.DEMO_KEY,
                "k1", KEY_2025), "k1", INDEX_KEY, null);
        assertThat(production.keys()).containsOnlyKeys("k1");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> new PrivacyProperties(Map.of("k1", "c2hvcnQ="), "k1", INDEX_KEY, false))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> new PrivacyProperties(Map.of("k1", "not base64!"), "k1", INDEX_KEY, false))
                .hasMessageContaining("not base64");
    }
}

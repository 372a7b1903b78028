package org.law12348.personaldata.privacy;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    static final String KEY_2025 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String KEY_2026 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    static final String INDEX_KEY = Base64.getEncoder().encodeToString("blind-index-key-of-32-bytes-long".getBytes());

    static PersonalDataCipher cipher(String active, Map<String, String> keys) {
        return new PersonalDataCipher(new PrivacyProperties(keys, active, INDEX_KEY, false));
    }

    @Test
    void encryptsWithTheActiveKeyIdAndARandomIv() {
        PersonalDataCipher cipher = cipher("k2025", Map.of("k2025", KEY_2025));

        String first = cipher.encrypt("13800138000");
        String second = cipher.encrypt("13800138000");

        assertThat(first).startsWith("v1:k2025:").doesNotContain("13800138000");
        assertThat(second).isNotEqualTo(first);
        assertThat(Base64.getDecoder().decode(first.substring("v1:k2025:".length())))
                .hasSize(12 + "13800138000".length() + 16);
        assertThat(cipher.decrypt(first)).isEqualTo("13800138000");
        assertThat(cipher.decrypt(second)).isEqualTo("13800138000");
    }

    @Test
    void afterARotationOldCiphertextsStayReadableAndNewOnesUseTheNewKey() {
        String old = cipher("k2025", Map.of("k2025", KEY_2025)).encrypt("13800138000");
        PersonalDataCipher rotated = cipher("k2026", Map.of("k2025", KEY_2025, "k2026", KEY_2026));

        assertThat(rotated.decrypt(old)).isEqualTo("13800138000");
        assertThat(rotated.isUnderActiveKey(old)).isFalse();
        assertThat(rotated.encrypt("13800138000")).startsWith("v1:k2026:");
    }

    @Test
    void aCiphertextWhoseKeyIsGoneOrWhichWasAlteredIsRefused() {
        String old = cipher("k2025", Map.of("k2025", KEY_2025)).encrypt("13800138000");
        PersonalDataCipher withoutOldKey = cipher("k2026", Map.of("k2026", KEY_2026));
        assertThatThrownBy(() -> withoutOldKey.decrypt(old)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("k2025");

        PersonalDataCipher cipher = cipher("k2025", Map.of("k2025", KEY_2025));
        char[] chars = old.toCharArray();
        int last = chars.length - 3;
        chars[last] = chars[last] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.decrypt(new String(chars))).isInstanceOf(PersonalDataException.class);
        assertThatThrownBy(() -> cipher.decrypt("13800138000")).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void theBlindIndexIsTheSameForEqualValuesWhateverTheActiveKey() {
        PersonalDataCipher before = cipher("k2025", Map.of("k2025", KEY_2025));
        PersonalDataCipher after = cipher("k2026", Map.of("k2025", KEY_2025, "k2026", KEY_2026));

        assertThat(before.blindIndex("13800138000")).hasSize(64).matches("[0-9a-f]{64}")
                .isEqualTo(after.blindIndex("13800138000"))
                .isNotEqualTo(before.blindIndex("13800138001"));
        assertThat(before.blindIndex(null)).isNull();
        assertThat(before.encrypt(null)).isNull();
        assertThat(before.decrypt(null)).isNull();
    }
}

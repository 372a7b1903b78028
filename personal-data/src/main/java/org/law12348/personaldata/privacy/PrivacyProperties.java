package org.law12348.personaldata.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys that protect citizens' personal data at rest ({@code law12348.privacy.*}).
 *
 * @param keys           every AES-256 key still needed to read stored data, by key id, base64 of 32 bytes;
 *                       old keys stay here after a rotation until the re-encryption job rewrote their rows
 * @param activeKey      the id of the key new writes use
 * @param blindIndexKey  base64 of at least 32 bytes: the HMAC-SHA256 key of the lookup hashes; it cannot
 *                       be rotated without recomputing every hash, so it is kept apart from the AES keys
 * @param demoKeysAllowed whether the published demo keys may be used (the embedded default only); when
 *                       false they are dropped and refused, so production never runs on a public key
 */
@ConfigurationProperties("law12348.privacy")
public record PrivacyProperties(Map<String, String> keys, String activeKey, String blindIndexKey,
                                Boolean demoKeysAllowed) {

    /** The demo keys application.yml ships: public, so anything they protect is effectively clear text. */
    public static final String DEMO_KEY = "REVNTy1LRVktTk9ULUZPUi1QUk9EVUNUSU9OLTAwMDA=";
    public static final String DEMO_BLIND_INDEX_KEY = "REVNTy1CTElORC1JTkRFWC1OT1QtRk9SLVBST0RVQ1Q=";

    private static final String HINT = " (set LAW12348_PRIVACY_ACTIVE_KEY, LAW12348_PRIVACY_KEYS_<ID> and "
            + "LAW12348_PRIVACY_BLIND_INDEX_KEY; see README.md, \"Personal data\")";

    public PrivacyProperties {
        demoKeysAllowed = demoKeysAllowed != null && demoKeysAllowed;
        Map<String, String> usable = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : (keys == null ? Map.<String, String>of() : keys).entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            if (!demoKeysAllowed && DEMO_KEY.equals(e.getValue().strip())) {
                continue;
            }
            requireLength("law12348.privacy.keys." + e.getKey(), e.getValue(), 32, true);
            usable.put(e.getKey(), e.getValue().strip());
        }
        keys = Map.copyOf(usable);
        if (activeKey == null || activeKey.isBlank()) {
            throw new IllegalStateException("law12348.privacy.active-key is missing: personal data cannot be "
                    + "encrypted without a key" + HINT);
        }
        if (!keys.containsKey(activeKey)) {
            throw new IllegalStateException("law12348.privacy.active-key names key '" + activeKey
                    + "' but law12348.privacy.keys has no usable key of that id" + HINT);
        }
        if (activeKey.contains(":")) {
            throw new IllegalStateException("law12348.privacy.active-key must not contain ':'");
        }
        if (blindIndexKey == null || blindIndexKey.isBlank()) {
            throw new IllegalStateException("law12348.privacy.blind-index-key is missing: phone numbers could "
                    + "not be looked up" + HINT);
        }
        if (!demoKeysAllowed && DEMO_BLIND_INDEX_KEY.equals(blindIndexKey.strip())) {
            throw new IllegalStateException("law12348.privacy.blind-index-key is the public demo key, which "
                    + "law12348.privacy.demo-keys-allowed=false refuses" + HINT);
        }
        blindIndexKey = blindIndexKey.strip();
        requireLength("law12348.privacy.blind-index-key", blindIndexKey, 32, false);
    }

    private static void requireLength(String name, String base64, int bytes, boolean exact) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64");
        }
        if (exact ? raw.length != bytes : raw.length < bytes) {
            throw new IllegalStateException(name + " must be " + (exact ? "" : "at least ") + bytes
                    + " bytes (base64 of " + bytes + " random bytes), not " + raw.length);
        }
    }
}

package org.law12348.personaldata.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts citizens' personal data for storage and computes the lookup hashes that replace equality
 * on the clear value. Every module that stores a phone number, an identity number or a platform id
 * uses this one mechanism.
 * <p>
 * A ciphertext reads {@code v1:<keyId>:<base64(iv | ciphertext | tag)>}: AES-256-GCM with a random
 * 96-bit IV and a 128-bit tag. New values use the active key; a value under an older key stays
 * readable as long as its key is configured, until {@link PersonalDataRekeying} rewrote it.
 * <p>
 * A blind index is HMAC-SHA256 (hex) of the normalised value under a key of its own: equal values
 * give equal hashes, so lookups stay an indexed equality, while the table alone reveals nothing.
 */
public class PersonalDataCipher {

    public static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String activeKey;
    private final SecretKey blindIndexKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PrivacyProperties properties) {
        properties.keys().forEach((id, base64) -> keys.put(id, new SecretKeySpec(Base64.getDecoder().decode(base64), "AES")));
        this.activeKey = properties.activeKey();
        this.blindIndexKey = new SecretKeySpec(Base64.getDecoder().decode(properties.blindIndexKey()), "HmacSHA256");
    }

    /** The id of the key new values are encrypted with. */
    public String activeKeyId() {
        return activeKey;
    }

    /** The ciphertext of {@code plain} under the active key; {@code null} stays {@code null}. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + activeKey + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The clear value of a ciphertext made by {@link #encrypt}; {@code null} stays {@code null}.
     *
     * @throws PersonalDataException when the key id is not configured or the value was tampered with
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new PersonalDataException("A stored personal value is not in the " + VERSION + " format");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new PersonalDataException("A stored personal value is encrypted with key '" + parts[1]
                    + "', which law12348.privacy.keys no longer holds");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(parts[2]);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            return new String(aes.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PersonalDataException("A stored personal value under key '" + parts[1]
                    + "' does not decrypt (wrong key or altered data)");
        }
    }

    /** Whether {@code stored} was written with the active key (so rotation has nothing to do). */
    public boolean isUnderActiveKey(String stored) {
        return stored == null || stored.startsWith(VERSION + ":" + activeKey + ":");
    }

    /** The lookup hash of an already normalised value (a {@code PhoneNumber.value()}, an upper-case ID number). */
    public String blindIndex(String normalised) {
        if (normalised == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(blindIndexKey);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}

package org.law12348.personaldata.privacy;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/** Recomputes a {@link BlindIndexed} entity's lookup hashes as it is written ({@code @EntityListeners}). */
public class BlindIndexListener {

    private final PersonalDataCipher cipher;

    public BlindIndexListener(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @PrePersist
    @PreUpdate
    void refresh(Object entity) {
        if (entity instanceof BlindIndexed indexed) {
            indexed.refreshBlindIndexes(cipher);
        }
    }
}

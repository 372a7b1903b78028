package org.law12348.personaldata.privacy;

/**
 * An entity with lookup hashes beside its encrypted values. {@link BlindIndexListener} calls
 * {@link #refreshBlindIndexes} before every insert and update, so a hash always matches the value it
 * stands for, whoever changed the value (intake, a correction, an anonymisation).
 */
public interface BlindIndexed {

    void refreshBlindIndexes(PersonalDataCipher cipher);
}

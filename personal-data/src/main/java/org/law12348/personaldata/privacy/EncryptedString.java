package org.law12348.personaldata.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a string attribute encrypted ({@code @Convert(converter = EncryptedString.class)}). Hibernate
 * gets it from Spring's bean container, so it shares the application's {@link PersonalDataCipher}.
 * Every write encrypts afresh under the active key, so an update also moves a row off an old key.
 */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

    private final PersonalDataCipher cipher;

    public EncryptedString(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return cipher.decrypt(dbData);
    }
}

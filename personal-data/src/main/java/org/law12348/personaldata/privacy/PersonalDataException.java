package org.law12348.personaldata.privacy;

/** Stored personal data cannot be read: a key is missing from the configuration or the value was altered. */
public class PersonalDataException extends RuntimeException {

    public PersonalDataException(String message) {
        super(message);
    }
}

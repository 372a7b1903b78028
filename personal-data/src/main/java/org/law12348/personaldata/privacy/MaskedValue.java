package org.law12348.personaldata.privacy;

/** A value of personal data (a phone number, an identity number) that can show itself masked. */
public interface MaskedValue {

    /** The value with its middle hidden, safe for logs, audit entries and staff who need not see it. */
    String masked();
}

package org.law12348.consultation;

/**
 * The consultant's certification forbids what they tried (uncertified, expired, suspended, revoked,
 * outside their fields), or an administrator's decision does not fit the current status. Answered 403.
 */
public class CertificationException extends RuntimeException {

    public CertificationException(String chineseMessage) {
        super(chineseMessage);
    }
}

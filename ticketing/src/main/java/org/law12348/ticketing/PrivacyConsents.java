package org.law12348.ticketing;

/**
 * The consents to the citizen app's privacy notice, as the intake asks about them: whether a consent a
 * submission names is on record and not withdrawn. Implemented where the consents are kept (the
 * mini-program module); an application without it knows no consents, so every id is unknown there.
 */
public interface PrivacyConsents {

    /** Whether {@code consentId} names a consent given on {@code channel} that is still in force. */
    boolean inForce(String consentId, Channel channel);
}

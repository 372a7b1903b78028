package org.law12348.consultation;

/**
 * A sign-up was refused because its username belongs to an existing account. Published (on the
 * request's thread) so that whoever limits account guessing can count it like a failed sign-in:
 * both tell a caller that an account exists.
 */
public record UsernameTaken(String username) {
}

package org.law12348.miniapp.internal.consent;

/**
 * No consent that the caller may withdraw has this id: none was recorded, it is withdrawn already, or it
 * was given under another citizen's account. The three answer alike, so an id proves nothing about others.
 */
public class ConsentNotFoundException extends RuntimeException {

    public ConsentNotFoundException() {
        super("consent not found");
    }
}

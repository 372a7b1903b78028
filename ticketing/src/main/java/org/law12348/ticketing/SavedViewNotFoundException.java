package org.law12348.ticketing;

/** No saved view of that id belongs to the member asking (it may be someone else's, which they never learn). */
public class SavedViewNotFoundException extends RuntimeException {

    public SavedViewNotFoundException() {
        super("No such saved view of this member");
    }
}

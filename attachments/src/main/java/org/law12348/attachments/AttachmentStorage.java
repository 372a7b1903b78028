package org.law12348.attachments;

import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where attachment files live, addressed by ticket and the SHA-256 of their content. The default keeps
 * them on the filesystem ({@link FileSystemAttachmentStorage}); another implementation (an object store)
 * replaces it as a bean.
 *
 * <p>Contract: {@link #put} is atomic (a reader sees the whole file or none) and idempotent (the same
 * content again changes nothing); {@link #remove} only sets the file aside, so the caller's transaction
 * decides: {@link Removal#complete()} after commit deletes it, {@link Removal#undo()} after rollback
 * puts it back.
 */
public interface AttachmentStorage {

    /** A fresh local file to stage an upload in before it is checked and stored. */
    Path newStagingFile() throws IOException;

    /** Stores the staged file as the content {@code sha256} of the ticket; the staged file is consumed. */
    void put(String ticketNumber, String sha256, Path staged) throws IOException;

    /** The stored content, readable with ranges; null when there is none. */
    Resource get(String ticketNumber, String sha256);

    /** Sets the content aside for deletion; a no-op removal when there was none. */
    Removal remove(String ticketNumber, String sha256) throws IOException;

    /** Everything stored or left over (staged, set aside), for the sweep that deletes what no row names. */
    List<Stored> stored() throws IOException;

    /** Deletes one stored or left-over file; false when it was gone already. */
    boolean delete(Stored file) throws IOException;

    /** A file the storage holds: a content of a ticket, or a leftover ({@code sha256} null) of an upload or removal. */
    record Stored(String ticketNumber, String sha256, Instant modifiedAt, String location) {
        boolean leftover() {
            return sha256 == null;
        }
    }

    /** A deletion waiting for the transaction's outcome. */
    interface Removal {
        void complete() throws IOException;

        void undo() throws IOException;
    }
}

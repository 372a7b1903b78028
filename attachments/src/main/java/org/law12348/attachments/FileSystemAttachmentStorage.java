package org.law12348.attachments;

import org.law12348.ticketing.TicketNumber;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The default storage: {@code <dir>/<ticket number>/<sha256>}. Uploads are staged in {@code <dir>/.staging}
 * on the same filesystem, so storing is one atomic rename and a crash leaves either the whole file or a
 * staged leftover that the sweep removes, never a half-written attachment.
 */
class FileSystemAttachmentStorage implements AttachmentStorage {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String STAGING = ".staging";
    private static final String SET_ASIDE = ".deleting-";

    private final Path dir;

    FileSystemAttachmentStorage(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public Path newStagingFile() throws IOException {
        Path staging = Files.createDirectories(dir.resolve(STAGING));
        return Files.createTempFile(staging, "upload-", ".part");
    }

    @Override
    public void put(String ticketNumber, String sha256, Path staged) throws IOException {
        Path target = file(ticketNumber, sha256);
        try {
            move(staged, target);
        } catch (NoSuchFileException folderJustEmptied) {
            // a removal of the ticket's last file deleted the folder between our two steps
            move(staged, target);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Attachment staging and storage must be on one filesystem: " + dir, e);
        }
    }

    private static void move(Path staged, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public Resource get(String ticketNumber, String sha256) {
        Path file = file(ticketNumber, sha256);
        return Files.isRegularFile(file) ? new FileSystemResource(file) : null;
    }

    @Override
    public Removal remove(String ticketNumber, String sha256) throws IOException {
        Path file = file(ticketNumber, sha256);
        Path aside = file.resolveSibling(sha256 + SET_ASIDE + UUID.randomUUID());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return new Removal() {
                public void complete() {
                }

                public void undo() {
                }
            };
        }
        return new Removal() {
            public void complete() throws IOException {
                Files.deleteIfExists(aside);
                deleteIfEmpty(aside.getParent());
            }

            public void undo() throws IOException {
                // a retried upload may have stored the same content again meanwhile: that copy is as good
                if (!Files.exists(file)) {
                    Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(aside);
                }
            }
        };
    }

    @Override
    public List<Stored> stored() throws IOException {
        List<Stored> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                boolean staging = name.equals(STAGING);
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
                    for (Path file : files) {
                        String fileName = file.getFileName().toString();
                        boolean content = !staging && SHA256.matcher(fileName).matches();
                        found.add(new Stored(staging ? null : name, content ? fileName : null,
                                Files.getLastModifiedTime(file).toInstant(), dir.relativize(file).toString()));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public boolean delete(Stored stored) throws IOException {
        Path file = dir.resolve(stored.location()).normalize();
        if (!file.startsWith(dir)) {
            throw new IllegalArgumentException("Outside the attachment directory: " + stored.location());
        }
        boolean deleted = Files.deleteIfExists(file);
        if (!file.getParent().equals(dir.resolve(STAGING))) {
            deleteIfEmpty(file.getParent());
        }
        return deleted;
    }

    private Path file(String ticketNumber, String sha256) {
        // both parts come from our own rows, but a path is built from them: refuse anything that could climb out
        if (!TicketNumber.isWellFormed(ticketNumber) || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a ticket number and content hash: " + ticketNumber + "/" + sha256);
        }
        return dir.resolve(ticketNumber).resolve(sha256);
    }

    private void deleteIfEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            if (entries.iterator().hasNext()) {
                return;
            }
        } catch (NoSuchFileException gone) {
            return;
        }
        try {
            Files.deleteIfExists(folder);
        } catch (java.nio.file.DirectoryNotEmptyException raced) {
            // an upload stored a file there meanwhile: the folder is in use again
        }
    }
}

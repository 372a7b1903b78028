package org.law12348.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns an upload into a checked local file ready to store: copied to a staging file while counting
 * (refused past the size limit without reading the rest) and hashing, its type recognised, an image
 * re-encoded without metadata. The caller deletes the staged files whatever happens.
 */
class UploadStaging {

    /** A staged file: where it is, what it is, and its SHA-256 and size. */
    record Staged(Path file, AttachmentType type, String sha256, long size) {
    }

    private final AttachmentStorage storage;
    private final ContentInspector inspector = new ContentInspector();
    private final ImageMetadataStripper stripper;
    private final long maxBytes;

    UploadStaging(AttachmentStorage storage, AttachmentProperties properties) {
        this.storage = storage;
        this.stripper = new ImageMetadataStripper(properties.maxImagePixels());
        this.maxBytes = properties.maxFileSize().toBytes();
    }

    /** Stages and checks the upload; {@code cleanup} receives every staging file made, to delete later. */
    Staged stage(InputStream content, String fileName, AttachmentKind kind, java.util.List<Path> cleanup) {
        try {
            Path raw = storage.newStagingFile();
            cleanup.add(raw);
            long size = copy(content, raw);
            if (size == 0) {
                throw new AttachmentRefusedException(AttachmentRefusedException.Reason.UNREADABLE, "file.empty", "文件是空的");
            }
            AttachmentType type = inspector.inspect(raw, fileName, kind);
            if (!type.isImage()) {
                return new Staged(raw, type, sha256(raw), size);
            }
            Path clean = storage.newStagingFile();
            cleanup.add(clean);
            stripper.strip(raw, type, clean);
            return new Staged(clean, type, sha256(clean), Files.size(clean));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage an attachment", e);
        }
    }

    private long copy(InputStream content, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = content.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new AttachmentRefusedException(AttachmentRefusedException.Reason.TOO_LARGE, "file.tooLarge",
                            "文件不能超过" + megabytes(maxBytes));
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + "MB" : (bytes / 1024) + "KB";
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

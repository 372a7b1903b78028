package org.law12348.attachments;

import org.law12348.ticketing.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks a scan or photo uploaded outside a ticket (a volunteer lawyer's licence) the way attachments are
 * checked: the type from the bytes, not the name or the declared content type, and only JPEG, PNG or PDF;
 * images re-encoded without EXIF (GPS location, camera, time) and other metadata.
 */
public class DocumentCheck {

    /** The document as it is to be kept. */
    public record Checked(AttachmentType type, byte[] content) {
    }

    private static final Set<AttachmentType> ACCEPTED = Set.of(AttachmentType.JPEG, AttachmentType.PNG,
            AttachmentType.PDF);

    private final ContentInspector inspector = new ContentInspector();
    private final ImageMetadataStripper stripper;
    private final long maxBytes;

    public DocumentCheck(AttachmentProperties properties, long maxBytes) {
        this.stripper = new ImageMetadataStripper(properties.maxImagePixels());
        this.maxBytes = maxBytes;
    }

    /**
     * @throws AttachmentRefusedException {@code document.tooLarge} (413) or an unreadable image
     * @throws InvalidInputException      {@code document.type} on the field {@code file}
     */
    public Checked check(byte[] content, String fileName) {
        requireSize(content.length);
        if (content.length == 0) {
            throw wrongType();
        }
        AttachmentType type = typeOf(content, fileName);
        if (!ACCEPTED.contains(type)) {
            throw wrongType();
        }
        try {
            return new Checked(type, type.isImage() ? stripper.strip(content, type) : content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean a document image", e);
        }
    }

    /** Refuses an upload by its declared size, before its bytes are read into memory. */
    public void requireSize(long size) {
        if (size > maxBytes) {
            throw new AttachmentRefusedException(AttachmentRefusedException.Reason.TOO_LARGE, "document.tooLarge",
                    "文件不能超过" + maxBytes / (1024 * 1024) + "MB");
        }
    }

    private AttachmentType typeOf(byte[] content, String fileName) {
        Path staged = null;
        try {
            staged = Files.createTempFile("document", ".upload");
            Files.write(staged, content);
            return inspector.inspect(staged, fileName == null ? "" : fileName, AttachmentKind.STAFF_DOCUMENT);
        } catch (AttachmentRefusedException e) {
            throw wrongType();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage a document", e);
        } finally {
            if (staged != null) {
                staged.toFile().delete();
            }
        }
    }

    private static InvalidInputException wrongType() {
        return new InvalidInputException("file", "document.type", "只支持JPG、PNG或PDF文件");
    }
}

package org.law12348.attachments;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Photos a channel keeps outside the attachment model (the mini-programs' question images), cleaned
 * the way attachments are: re-encoded without EXIF (GPS location, camera, time), XMP, comments or
 * text chunks, turned upright first. A phone photo of a contract or an injury would otherwise tell
 * staff, and anyone the file reaches, where the citizen lives.
 */
@Component
public class PhotoCleaner {

    private final ImageMetadataStripper stripper;

    PhotoCleaner(AttachmentProperties properties) {
        this.stripper = new ImageMetadataStripper(properties.maxImagePixels());
    }

    /**
     * The photo's pixels alone, in the same format.
     *
     * @param jpeg true for a JPEG, false for a PNG (the caller has recognised the bytes)
     * @throws AttachmentRefusedException unreadable, or more pixels than attachments accept
     */
    public byte[] withoutMetadata(byte[] photo, boolean jpeg) {
        try {
            return stripper.strip(photo, jpeg ? AttachmentType.JPEG : AttachmentType.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean a photo", e);
        }
    }
}

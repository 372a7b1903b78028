package org.law12348.attachments;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The file types a ticket accepts, as recognised from their bytes (never from the name or the declared
 * content type): photos and scans, PDF and Word documents, and call recordings.
 */
public enum AttachmentType {
    JPEG("image/jpeg", "JPG图片", List.of("jpg", "jpeg"), List.of("image/jpeg")),
    PNG("image/png", "PNG图片", List.of("png"), List.of("image/png")),
    PDF("application/pdf", "PDF文档", List.of("pdf"), List.of("application/pdf")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word文档",
            List.of("docx"), List.of()),
    WAV("audio/wav", "WAV录音", List.of("wav"), List.of("audio/vnd.wave", "audio/wav", "audio/x-wav")),
    MP3("audio/mpeg", "MP3录音", List.of("mp3"), List.of("audio/mpeg"));

    private final String contentType;
    private final String chineseName;
    private final List<String> extensions;
    private final List<String> detectedAs;

    AttachmentType(String contentType, String chineseName, List<String> extensions, List<String> detectedAs) {
        this.contentType = contentType;
        this.chineseName = chineseName;
        this.extensions = extensions;
        this.detectedAs = detectedAs;
    }

    /** The type Tika's detection names, when it is one we accept (DOCX needs a look inside the zip). */
    static Optional<AttachmentType> detectedAs(String mediaType) {
        return Stream.of(values()).filter(t -> t.detectedAs.contains(mediaType)).findFirst();
    }

    /** The type stored under this content type. */
    public static Optional<AttachmentType> ofContentType(String contentType) {
        return Stream.of(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }

    /** The type a file name's extension claims, if it names one we know. */
    static Optional<AttachmentType> claimedBy(String extension) {
        String ext = extension.toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(t -> t.extensions.contains(ext)).findFirst();
    }

    public String contentType() {
        return contentType;
    }

    public String chineseName() {
        return chineseName;
    }

    public String extension() {
        return extensions.get(0);
    }

    boolean accepts(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    public boolean isImage() {
        return this == JPEG || this == PNG;
    }

    public boolean isAudio() {
        return this == WAV || this == MP3;
    }
}

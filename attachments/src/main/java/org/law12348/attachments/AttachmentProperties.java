package org.law12348.attachments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of ticket attachments ({@code law12348.ticketing.attachments.*}).
 *
 * @param dir              where the filesystem storage keeps the files (one folder per ticket)
 * @param maxFileSize      the largest file accepted; above the multipart limit of the app the request
 *                         is refused before it reaches us
 * @param maxPerTicket     how many attachments one ticket may hold
 * @param maxTotalPerTicket how many bytes the attachments of one ticket may hold together
 * @param maxImagePixels   the largest image (width × height) decoded to strip its metadata; a small
 *                         file can declare a huge canvas, and decoding it would exhaust the heap
 * @param orphanGrace      how old a file without a row must be before the sweep deletes it, longer
 *                         than any upload's transaction, so a file whose row is being written stays
 */
@ConfigurationProperties("law12348.ticketing.attachments")
public record AttachmentProperties(Path dir, DataSize maxFileSize, Integer maxPerTicket, DataSize maxTotalPerTicket,
                                   Long maxImagePixels, Duration orphanGrace) {

    public AttachmentProperties {
        dir = dir == null ? Path.of("data", "attachments") : dir;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
        maxPerTicket = maxPerTicket == null ? 20 : maxPerTicket;
        maxTotalPerTicket = maxTotalPerTicket == null ? DataSize.ofMegabytes(200) : maxTotalPerTicket;
        maxImagePixels = maxImagePixels == null ? 50_000_000L : maxImagePixels;
        orphanGrace = orphanGrace == null ? Duration.ofHours(1) : orphanGrace;
        if (maxFileSize.toBytes() <= 0 || maxPerTicket <= 0 || maxTotalPerTicket.toBytes() <= 0 || maxImagePixels <= 0) {
            throw new IllegalArgumentException("law12348.ticketing.attachments limits must be positive");
        }
    }
}

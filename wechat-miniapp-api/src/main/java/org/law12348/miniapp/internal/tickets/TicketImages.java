package org.law12348.miniapp.internal.tickets;

import org.law12348.miniapp.MiniappProperties;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.attachments.AttachmentRefusedException;
import org.law12348.attachments.PhotoCleaner;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Images of service requests, kept on disk under the configured directory in a folder named by the
 * submission (a hash of its stored channel reference, {@code Ticket.channelRef()}), so a retry writes
 * the same files again and staff find them by the folder named on the ticket. Only JPEG and PNG,
 * recognised by their bytes, and kept without their metadata ({@link PhotoCleaner}: a phone photo's
 * EXIF carries the place it was taken), so neither the platform's content check nor staff see it.
 */
@Component
public class TicketImages {

    /** Checked images of one submission. */
    public record Batch(List<Image> images) {
        public boolean isEmpty() {
            return images.isEmpty();
        }
    }

    /** One image: its bytes and what they are. */
    public record Image(byte[] bytes, String extension, String contentType) {
    }

    private final PhotoCleaner cleaner;
    private final Path dir;
    private final long maxBytes;
    private final int maxImages;

    TicketImages(MiniappProperties properties, PhotoCleaner cleaner) {
        this.cleaner = cleaner;
        this.dir = properties.uploads().dir();
        this.maxBytes = properties.uploads().maxImageSize().toBytes();
        this.maxImages = properties.uploads().maxImages();
    }

    public static Batch none() {
        return new Batch(List.of());
    }

    public Batch check(List<MultipartFile> files) {
        List<MultipartFile> present = files == null ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (present.size() > maxImages) {
            throw new InvalidInputException("images", "images.tooMany", "最多上传" + maxImages + "张图片");
        }
        List<Image> images = new ArrayList<>();
        for (MultipartFile file : present) {
            if (file.getSize() > maxBytes) {
                throw new InvalidInputException("images", "images.tooLarge",
                        "每张图片不能超过" + maxBytes / 1024 / 1024 + "MB");
            }
            byte[] bytes = read(file);
            Image image = recognise(bytes).orElseThrow(() -> new InvalidInputException("images", "images.type",
                    "只能上传 JPG 或 PNG 格式的图片"));
            images.add(withoutMetadata(image));
        }
        return new Batch(List.copyOf(images));
    }

    private Image withoutMetadata(Image image) {
        try {
            return new Image(cleaner.withoutMetadata(image.bytes(), "jpg".equals(image.extension())),
                    image.extension(), image.contentType());
        } catch (AttachmentRefusedException refused) {
            String code = refused.reason() == AttachmentRefusedException.Reason.TOO_LARGE ? "images.tooLarge"
                    : "images.unreadable";
            throw new InvalidInputException("images", code, refused.chineseMessage());
        }
    }

    /** The sentence appended to the ticket text so staff know images came with it and where they are. */
    String mention(String reference, Batch batch) {
        return "\n\n【附图】市民通过小程序上传了" + batch.images().size() + "张图片，存储编号 " + folder(reference);
    }

    void keep(String reference, Batch batch) {
        Path target = dir.resolve(folder(reference));
        try {
            Files.createDirectories(target);
            for (int i = 0; i < batch.images().size(); i++) {
                Image image = batch.images().get(i);
                Path tmp = Files.createTempFile(target, "upload", ".part");
                Files.write(tmp, image.bytes());
                Files.move(tmp, target.resolve((i + 1) + "." + image.extension()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store images under " + target, e);
        }
    }

    /**
     * Re-encodes every image kept before images lost their metadata on the way in (an upgrade);
     * returns how many were cleaned. A file that does not decode stays as it is and is counted apart,
     * so one damaged upload does not stop the rest.
     */
    public Cleaned cleanKept() {
        if (!Files.isDirectory(dir)) {
            return new Cleaned(0, 0);
        }
        int cleaned = 0;
        int undecodable = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Optional<Image> image = recognise(Files.readAllBytes(file));
                if (image.isEmpty()) {
                    continue; // an interrupted upload's .part file, or not an image
                }
                try {
                    Path tmp = Files.createTempFile(file.getParent(), "clean", ".part");
                    Files.write(tmp, withoutMetadata(image.get()).bytes());
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    cleaned++;
                } catch (InvalidInputException notAnImage) {
                    undecodable++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the images under " + dir, e);
        }
        return new Cleaned(cleaned, undecodable);
    }

    /** What {@link #cleanKept} did. */
    public record Cleaned(int images, int undecodable) {
    }

    /** The index-th (1-based) image of a ticket, if it has one. */
    public Optional<StoredImage> find(String reference, int index) {
        Path folder = dir.resolve(folder(reference));
        for (String ext : List.of("jpg", "png")) {
            Path file = folder.resolve(index + "." + ext);
            if (Files.isRegularFile(file)) {
                return Optional.of(new StoredImage(file, "jpg".equals(ext) ? "image/jpeg" : "image/png"));
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes everything kept for the submission, its folder included: the images of an anonymised
     * ticket are personal data (photos of injuries, contracts, identity cards), and so are the
     * {@code .part} files an interrupted upload left. Returns how many files went. A file that cannot
     * be deleted throws, so the caller's transaction rolls back and is tried again.
     */
    int forget(String reference) {
        Path folder = dir.resolve(folder(reference));
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> entries = Files.walk(folder)) {
            List<Path> deepestFirst = entries.sorted(Comparator.reverseOrder()).toList();
            int files = (int) deepestFirst.stream().filter(Files::isRegularFile).count();
            for (Path entry : deepestFirst) {
                Files.deleteIfExists(entry);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the images under " + folder, e);
        }
    }

    /**
     * Moves a submission's folder to the name of another reference (an upgrade that changes how
     * references are stored). False when there was nothing to move or the new folder exists already.
     */
    public boolean moveFolder(String fromReference, String toReference) {
        Path from = dir.resolve(folder(fromReference));
        Path to = dir.resolve(folder(toReference));
        if (!Files.isDirectory(from) || Files.exists(to)) {
            return false;
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the images under " + from, e);
        }
    }

    /** An image on disk. */
    public record StoredImage(Path file, String contentType) {
    }

    static String folder(String reference) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(reference.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Optional<Image> recognise(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of(new Image(b, "jpg", "image/jpeg"));
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of(new Image(b, "png", "image/png"));
        }
        return Optional.empty();
    }

    private static byte[] read(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputException("images", "images.unreadable", "图片上传不完整，请重试");
        }
    }
}

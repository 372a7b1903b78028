package org.law12348.attachments;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Removes what a photo says beyond its pixels — EXIF (camera, time, GPS location), XMP, IPTC, comments,
 * PNG text chunks — by decoding the image with the JDK's ImageIO and encoding the pixels alone again.
 * Re-encoding also drops anything appended to or hidden in the file. A phone's EXIF orientation is
 * applied to the pixels first, so the photo does not turn sideways when its EXIF goes.
 */
class ImageMetadataStripper {

    private static final float JPEG_QUALITY = 0.92f;

    private final long maxPixels;

    ImageMetadataStripper(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** Writes the image of {@code source} without metadata to {@code target}. */
    void strip(Path source, AttachmentType type, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            strip(Files.readAllBytes(source), type, out);
        }
    }

    /** The image without metadata, in memory (photos a channel keeps itself, {@link PhotoCleaner}). */
    byte[] strip(byte[] source, AttachmentType type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length);
        strip(source, type, out);
        return out.toByteArray();
    }

    private void strip(byte[] source, AttachmentType type, OutputStream target) throws IOException {
        BufferedImage image = decode(source, type);
        if (type == AttachmentType.JPEG) {
            image = ExifOrientation.apply(ExifOrientation.of(source), image);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type == AttachmentType.JPEG ? "jpeg" : "png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type == AttachmentType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private BufferedImage decode(byte[] source, AttachmentType type) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new AttachmentRefusedException(AttachmentRefusedException.Reason.TOO_LARGE, "file.tooManyPixels",
                            "图片尺寸过大（超过" + maxPixels / 1_000_000 + "百万像素），请缩小后重新上传");
                }
                BufferedImage image = reader.read(0);
                if (type == AttachmentType.JPEG && image.getColorModel().hasAlpha()) {
                    throw unreadable();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (javax.imageio.IIOException | IllegalArgumentException | IndexOutOfBoundsException broken) {
            // ImageIO reports a damaged or unsupported image (CMYK JPEG, truncated data) this way
            throw unreadable();
        }
    }

    private static AttachmentRefusedException unreadable() {
        return new AttachmentRefusedException(AttachmentRefusedException.Reason.UNREADABLE, "file.unreadable",
                "图片已损坏或格式特殊，无法处理，请另存为普通 JPG 或 PNG 后重新上传");
    }

    /** The EXIF orientation tag (0x0112) of a JPEG, read from its APP1 segment; 1 when there is none. */
    static final class ExifOrientation {

        private ExifOrientation() {
        }

        static int of(byte[] b) {
            int i = 2;
            while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
                int marker = b[i + 1] & 0xFF;
                int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
                if (marker == 0xDA || length < 2) {
                    return 1; // image data starts: no more metadata segments
                }
                if (marker == 0xE1 && length > 8 && i + 2 + length <= b.length
                        && new String(b, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif")) {
                    return fromTiff(b, i + 10, i + 2 + length);
                }
                i += 2 + length;
            }
            return 1;
        }

        private static int fromTiff(byte[] b, int tiff, int end) {
            if (tiff + 8 > end) {
                return 1;
            }
            boolean little = b[tiff] == 'I';
            int ifd = tiff + int32(b, tiff + 4, little);
            if (ifd < tiff || ifd + 2 > end) {
                return 1;
            }
            int entries = int16(b, ifd, little);
            for (int n = 0; n < entries; n++) {
                int entry = ifd + 2 + n * 12;
                if (entry + 12 > end) {
                    return 1;
                }
                if (int16(b, entry, little) == 0x0112) {
                    int value = int16(b, entry + 8, little);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        }

        private static int int16(byte[] b, int at, boolean little) {
            return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
        }

        private static int int32(byte[] b, int at, boolean little) {
            return little ? int16(b, at, true) | int16(b, at + 2, true) << 16
                    : int16(b, at, false) << 16 | int16(b, at + 2, false);
        }

        /** Turns and mirrors the pixels as the orientation says a viewer would show them. */
        static BufferedImage apply(int orientation, BufferedImage image) {
            if (orientation <= 1) {
                return image;
            }
            int w = image.getWidth();
            int h = image.getHeight();
            AffineTransform t = new AffineTransform();
            switch (orientation) {
                case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
                case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
                case 4 -> { t.translate(0, h); t.scale(1, -1); }
                case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
                case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
                case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
                case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
                default -> { return image; }
            }
            boolean turned = orientation >= 5;
            BufferedImage target = new BufferedImage(turned ? h : w, turned ? w : h,
                    image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : image.getType());
            return new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, target);
        }
    }
}

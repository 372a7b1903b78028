package org.law12348.attachments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.law12348.testsupport.SampleFiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an upload is, judged by its bytes, and what of a photo survives staging: its pixels only. */
class AttachmentContentTest {

    @TempDir
    Path dir;

    private UploadStaging staging(String maxFileSize) {
        AttachmentProperties properties = new AttachmentProperties(dir, org.springframework.util.unit.DataSize.parse(maxFileSize),
                null, null, 1_000_000L, null);
        return new UploadStaging(new FileSystemAttachmentStorage(dir), properties);
    }

    private UploadStaging.Staged stage(byte[] bytes, String name, AttachmentKind kind) {
        return staging("1MB").stage(new ByteArrayInputStream(bytes), name, kind, new ArrayList<>());
    }

    private static AttachmentRefusedException refusal(Runnable upload) {
        try {
            upload.run();
        } catch (AttachmentRefusedException e) {
            return e;
        }
        throw new AssertionError("the upload was accepted");
    }

    @Test
    void recognisesEveryAcceptedTypeByItsContent() {
        assertThat(stage(SampleFiles.pdf("a"), "合同.pdf", AttachmentKind.STAFF_DOCUMENT).type()).isEqualTo(AttachmentType.PDF);
        assertThat(stage(SampleFiles.png(8, Color.BLUE), "伤情.PNG", AttachmentKind.CITIZEN_FILE).type()).isEqualTo(AttachmentType.PNG);
        assertThat(stage(SampleFiles.jpegWithGps(1), "photo.jpeg", AttachmentKind.CITIZEN_FILE).type()).isEqualTo(AttachmentType.JPEG);
        assertThat(stage(SampleFiles.docx(), "起诉状.docx", AttachmentKind.STAFF_DOCUMENT).type()).isEqualTo(AttachmentType.DOCX);
        assertThat(stage(SampleFiles.wav(), "call.wav", AttachmentKind.CALL_RECORDING).type()).isEqualTo(AttachmentType.WAV);
        assertThat(stage(SampleFiles.mp3(), "call.mp3", AttachmentKind.CALL_RECORDING).type()).isEqualTo(AttachmentType.MP3);
        assertThat(stage(SampleFiles.pdf("b"), "没有扩展名", AttachmentKind.CITIZEN_FILE).type()).isEqualTo(AttachmentType.PDF);
    }

    @Test
    void refusesAPdfOrAnHtmlPageNamedLikeAPhoto() {
        AttachmentRefusedException pdf = refusal(() -> stage(SampleFiles.pdf("x"), "photo.jpg", AttachmentKind.CITIZEN_FILE));
        assertThat(pdf.code()).isEqualTo("file.typeMismatch");
        assertThat(pdf.chineseMessage()).contains("PDF文档", "JPG图片");
        assertThat(pdf.reason()).isEqualTo(AttachmentRefusedException.Reason.WRONG_TYPE);

        AttachmentRefusedException html = refusal(() -> stage(SampleFiles.html(), "photo.jpg", AttachmentKind.CITIZEN_FILE));
        assertThat(html.code()).isEqualTo("file.type");
        assertThat(html.field()).isEqualTo("file");
    }

    @Test
    void refusesAZipNamedLikeAWordDocumentAndARecordingThatIsNoAudio() {
        assertThat(refusal(() -> stage(SampleFiles.zip(), "起诉状.docx", AttachmentKind.STAFF_DOCUMENT)).code())
                .isEqualTo("file.type");
        assertThat(refusal(() -> stage(SampleFiles.pdf("c"), "录音.pdf", AttachmentKind.CALL_RECORDING)).code())
                .isEqualTo("file.notAudio");
    }

    @Test
    void refusesAFileOverTheLimitWithoutReadingItAll() {
        byte[] big = new byte[2 * 1024 * 1024];
        System.arraycopy(SampleFiles.pdf("big"), 0, big, 0, 20);
        CountingStream in = new CountingStream(big);

        AttachmentRefusedException e = refusal(() -> staging("1MB").stage(in, "big.pdf", AttachmentKind.STAFF_DOCUMENT,
                new ArrayList<>()));

        assertThat(e.code()).isEqualTo("file.tooLarge");
        assertThat(e.reason()).isEqualTo(AttachmentRefusedException.Reason.TOO_LARGE);
        assertThat(e.chineseMessage()).isEqualTo("文件不能超过1MB");
        assertThat(in.read).as("bytes read").isLessThan(big.length);
    }

    @Test
    void aPhotosGpsPositionAndEveryOtherExifFieldAreGoneFromWhatIsStored() throws IOException {
        byte[] photo = SampleFiles.jpegWithGps(1);
        assertThat(SampleFiles.jpegMarkers(photo)).as("the sample carries EXIF").contains(0xE1);
        assertThat(SampleFiles.contains(photo, SampleFiles.latitudeSeconds())).isTrue();

        byte[] stored = Files.readAllBytes(stage(photo, "IMG_0001.JPG", AttachmentKind.CITIZEN_FILE).file());

        assertThat(SampleFiles.jpegMarkers(stored)).as("no APP1 (EXIF/XMP), APP13 (IPTC) or comment segment")
                .doesNotContain(0xE1, 0xED, 0xFE);
        assertThat(SampleFiles.contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(SampleFiles.contains(stored, SampleFiles.latitudeSeconds())).as("the GPS latitude").isFalse();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(20);
    }

    @Test
    void aPhotoTakenUprightStaysUprightWhenItsOrientationTagGoes() throws IOException {
        // orientation 6: the camera stored the pixels turned; viewers turn them 90° clockwise
        byte[] stored = Files.readAllBytes(stage(SampleFiles.jpegWithGps(6), "IMG_0002.jpg", AttachmentKind.CITIZEN_FILE).file());

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        // the red top-left quarter of the stored pixels is now the top-right quarter
        assertThat(new Color(image.getRGB(15, 5)).getRed()).isGreaterThan(200);
        assertThat(new Color(image.getRGB(15, 5)).getGreen()).isLessThan(80);
        assertThat(new Color(image.getRGB(2, 5)).getGreen()).isGreaterThan(200);
    }

    @Test
    void aPngLosesItsTextAndExifChunks() throws IOException {
        byte[] png = SampleFiles.pngWithText();
        assertThat(SampleFiles.contains(png, "Tianhe".getBytes(StandardCharsets.US_ASCII))).isTrue();

        byte[] stored = Files.readAllBytes(stage(png, "map.png", AttachmentKind.CITIZEN_FILE).file());

        assertThat(SampleFiles.contains(stored, "tEXt".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(SampleFiles.contains(stored, "eXIf".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(SampleFiles.contains(stored, "Tianhe".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(30);
    }

    @Test
    void anImageDeclaringMorePixelsThanAllowedIsRefusedBeforeDecoding() {
        byte[] huge = SampleFiles.png(1200, Color.GRAY); // 1.44 million pixels over the test's one million
        assertThat(refusal(() -> stage(huge, "huge.png", AttachmentKind.CITIZEN_FILE)).code()).isEqualTo("file.tooManyPixels");
    }

    @Test
    void aTruncatedPhotoIsRefusedAsUnreadable() {
        byte[] photo = SampleFiles.jpegWithGps(1);
        byte[] cut = java.util.Arrays.copyOf(photo, 200);
        assertThat(refusal(() -> stage(cut, "cut.jpg", AttachmentKind.CITIZEN_FILE)).code()).isEqualTo("file.unreadable");
    }

    @Test
    void namesKeepTheirLastSegmentWithoutControlCharacters() {
        assertThat(AttachmentService.cleanName("C:\\Users\\张三\\身份证.jpg")).isEqualTo("身份证.jpg");
        assertThat(AttachmentService.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentService.cleanName("a\u0000b\r\n.pdf")).isEqualTo("ab.pdf");
        assertThat(AttachmentService.cleanName("..")).isEqualTo("附件");
        assertThat(AttachmentService.cleanName("长".repeat(150) + ".pdf")).hasSize(100).endsWith("长.pdf");
    }

    /** Counts what the staging read, to show it stopped at the limit. */
    private static final class CountingStream extends ByteArrayInputStream {
        int read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }

    static List<Path> files(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}

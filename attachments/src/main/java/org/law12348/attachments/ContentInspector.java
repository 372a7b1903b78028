package org.law12348.attachments;

import org.apache.tika.Tika;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * Says what a staged file is from its bytes (Apache Tika's magic detection; the name is not shown to
 * Tika, so it cannot steer the answer) and refuses what the ticket does not take: a type outside
 * {@link AttachmentType}, a name whose extension claims another type than the content has (an HTML page
 * or a PDF named {@code .jpg}), a recording that is not audio.
 */
class ContentInspector {

    private static final String ZIP = "application/zip";

    private final Tika tika = new Tika();

    AttachmentType inspect(Path staged, String fileName, AttachmentKind kind) throws IOException {
        String detected;
        try (InputStream in = Files.newInputStream(staged)) {
            detected = tika.detect(in);
        }
        AttachmentType type = (ZIP.equals(detected) || detected.startsWith("application/x-tika-ooxml"))
                && isWordDocument(staged) ? AttachmentType.DOCX
                : AttachmentType.detectedAs(detected).orElseThrow(() -> new AttachmentRefusedException(
                        AttachmentRefusedException.Reason.WRONG_TYPE, "file.type",
                        "不支持此文件类型，可上传 JPG、PNG 图片，PDF、Word（docx）文档或 WAV、MP3 录音"));
        String extension = extensionOf(fileName);
        if (!extension.isEmpty() && !type.accepts(extension)) {
            String claimed = AttachmentType.claimedBy(extension).map(AttachmentType::chineseName).orElse("." + extension);
            throw new AttachmentRefusedException(AttachmentRefusedException.Reason.WRONG_TYPE, "file.typeMismatch",
                    "文件内容是" + type.chineseName() + "，与文件名所示的" + claimed + "不符，请检查后重新上传");
        }
        if (kind == AttachmentKind.CALL_RECORDING && !type.isAudio()) {
            throw new AttachmentRefusedException(AttachmentRefusedException.Reason.WRONG_TYPE, "file.notAudio",
                    "通话录音只能是 WAV 或 MP3 格式");
        }
        return type;
    }

    /** The part after the last dot of the name, lower case; empty when there is none. */
    static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A Word document is a zip with the main part where OOXML puts it; any other zip is refused. */
    private static boolean isWordDocument(Path staged) {
        try (ZipFile zip = new ZipFile(staged.toFile())) {
            return zip.getEntry("word/document.xml") != null && zip.getEntry("[Content_Types].xml") != null
                    && zip.getEntry("word/vbaProject.bin") == null;
        } catch (IOException notAZip) {
            return false;
        }
    }
}

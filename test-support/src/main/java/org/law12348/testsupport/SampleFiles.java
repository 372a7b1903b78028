package org.law12348.testsupport;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real files of every type the tests need, made in memory: a phone photo with its GPS position in
 * EXIF, a PNG with text and EXIF chunks, PDF, HTML, WAV, MP3 and Word documents. Shared by the attachment tests of ticketing and the app.
 */
public final class SampleFiles {

    /** The latitude written into the photo's GPS EXIF, as its three rationals' numerators (23° 7' 12.34"). */
    public static final int[] LATITUDE = {23, 7, 1234};

    private SampleFiles() {
    }

    /** A 40×20 JPEG photo whose EXIF holds an orientation and a GPS latitude (north, 23° 7' 12.34"). */
    public static byte[] jpegWithGps(int orientation) {
        byte[] plain = image("jpeg", 40, 20, BufferedImage.TYPE_INT_RGB);
        byte[] exif = exif(orientation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A 30×30 PNG carrying a tEXt chunk with a place name and an eXIf chunk. */
    public static byte[] pngWithText() {
        byte[] plain = image("png", 30, 30, BufferedImage.TYPE_INT_ARGB);
        int iend = plain.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, iend);
        out.writeBytes(chunk("tEXt", "Location\0Tianhe Guangzhou 23.12N".getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(chunk("eXIf", java.util.Arrays.copyOfRange(exif(1), 6, exif(1).length)));
        out.write(plain, iend, 12);
        return out.toByteArray();
    }

    public static byte[] png(int size, Color color) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, size, size);
        g.dispose();
        return write(image, "png");
    }

    /** A small but well-formed PDF; {@code text} makes each one different. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + text + "\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><head><script>alert(document.cookie)</script></head><body>hi</body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One second of 8 kHz 16-bit mono silence with a tone, as a telephone recording is. */
    public static byte[] wav() {
        AudioFormat format = new AudioFormat(8000f, 16, 1, true, false);
        byte[] samples = new byte[16000];
        for (int i = 0; i < 8000; i++) {
            short s = (short) (Math.sin(i * 2 * Math.PI * 440 / 8000) * 8000);
            samples[2 * i] = (byte) s;
            samples[2 * i + 1] = (byte) (s >> 8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, 8000),
                    AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An MP3 as encoders write it: an ID3v2 tag, then MPEG-1 layer III frames (128 kbit/s, 44.1 kHz). */
    public static byte[] mp3() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0});
        for (int frame = 0; frame < 4; frame++) {
            byte[] f = new byte[417];
            f[0] = (byte) 0xFF;
            f[1] = (byte) 0xFB;
            f[2] = (byte) 0x90;
            f[3] = (byte) 0x64;
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    /** A Word document's skeleton: the parts OOXML requires where it requires them. */
    public static byte[] docx() {
        return zip(List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml"));
    }

    /** A zip that is no Word document. */
    public static byte[] zip() {
        return zip(List.of("notes.txt"));
    }

    /** The markers of a JPEG's segments before its image data (0xE1 is APP1: EXIF or XMP). */
    public static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return markers;
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The big-endian rational 1234/100 as the GPS IFD stores it: found in a file, the position is still there. */
    public static byte[] latitudeSeconds() {
        return ByteBuffer.allocate(8).putInt(LATITUDE[2]).putInt(100).array();
    }

    private static byte[] exif(int orientation) {
        // TIFF, big-endian: IFD0 at 8 with Orientation and the GPS IFD pointer; GPS IFD at 38; rationals at 68
        ByteBuffer b = ByteBuffer.allocate(6 + 92);
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        b.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        b.putShort((short) 2);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        b.putInt(0);
        b.putShort((short) 2);
        b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        b.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        b.putInt(0);
        b.putInt(LATITUDE[0]).putInt(1).putInt(LATITUDE[1]).putInt(1).putInt(LATITUDE[2]).putInt(100);
        return b.array();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    private static byte[] image(String format, int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2); // the top-left quarter shows which way up the photo is
        g.dispose();
        return write(image, format);
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(List<String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package org.law12348.miniapp;

import org.junit.jupiter.api.Test;
import org.law12348.miniapp.internal.tickets.TicketImages;
import org.law12348.testsupport.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRequestImagesTest extends MiniappTestSupport {

    @Autowired
    MiniappProperties properties;
    @Autowired
    TicketImages ticketImages;

    @Test
    void aServiceRequestKeepsItsImagesAndTheTicketSaysSo() {
        String token = wechatCitizen();

        Response r = multipart(token, "img-1", new byte[][] {JPEG, PNG});

        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        String number = r.body().path("number").asText();
        Response ticket = get("/api/v1/miniapp/tickets/" + number, token);
        assertThat(ticket.body().path("kind").asText()).isEqualTo("SERVICE_REQUEST");
        assertThat(ticket.body().path("businessType").asText()).isEqualTo("LEGAL_AID");
        assertThat(ticket.body().path("text").asText()).contains("上传了2张图片");
        Response first = get("/api/v1/miniapp/tickets/" + number + "/images/1", token);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.raw().headers().firstValue("Content-Type")).contains("image/jpeg");
        byte[] photo = first.raw().body();
        assertThat(SampleFiles.contains(photo, "Exif".getBytes(StandardCharsets.US_ASCII))).as("EXIF kept").isFalse();
        assertThat(SampleFiles.contains(photo, SampleFiles.latitudeSeconds())).as("the GPS latitude").isFalse();
        assertThat(size(photo)).isEqualTo(size(JPEG));
        byte[] png = get("/api/v1/miniapp/tickets/" + number + "/images/2", token).raw().body();
        assertThat(SampleFiles.contains(png, "Tianhe".getBytes(StandardCharsets.US_ASCII))).as("the place").isFalse();
        assertThat(size(png)).isEqualTo(size(PNG));
        assertThat(get("/api/v1/miniapp/tickets/" + number + "/images/1", wechatCitizen()).status()).isEqualTo(404);
    }

    @Test
    void photosKeptBeforeTheyLostTheirMetadataAreCleanedByTheUpgrade() throws IOException {
        String token = wechatCitizen();
        String number = multipart(token, unique("img-old"), new byte[][] {JPEG}).body().path("number").asText();
        // as an earlier version kept it: the upload exactly as the phone sent it, in the folder the ticket names
        Matcher folder = Pattern.compile("存储编号 ([0-9a-f]{32})")
                .matcher(get("/api/v1/miniapp/tickets/" + number, token).body().path("text").asText());
        assertThat(folder.find()).isTrue();
        Path kept = properties.uploads().dir().resolve(folder.group(1)).resolve("1.jpg");
        Files.write(kept, JPEG);

        assertThat(ticketImages.cleanKept().images()).isPositive();

        byte[] photo = get("/api/v1/miniapp/tickets/" + number + "/images/1", token).raw().body();
        assertThat(SampleFiles.contains(photo, SampleFiles.latitudeSeconds())).as("the GPS latitude").isFalse();
        assertThat(size(photo)).isEqualTo(size(JPEG));
    }

    @Test
    void refusesAFileThatOnlyStartsLikeAJpeg() {
        byte[] header = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

        Response r = multipart(wechatCitizen(), unique("m"), new byte[][] {header});

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("code").asText()).isEqualTo("images.unreadable");
        assertThat(r.body().path("field").asText()).isEqualTo("images");
    }

    private static Dimension size(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            return new Dimension(decoded.getWidth(), decoded.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRetriedUploadAnswersTheSameTicket() {
        String token = wechatCitizen();

        Response first = multipart(token, "img-retry", new byte[][] {JPEG});
        Response retry = multipart(token, "img-retry", new byte[][] {JPEG});

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("number").asText()).isEqualTo(first.body().path("number").asText());
    }

    @Test
    void refusesMoreThanThreeImages() {
        Response r = multipart(wechatCitizen(), unique("m"), new byte[][] {JPEG, JPEG, JPEG, JPEG});

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("code").asText()).isEqualTo("images.tooMany");
    }

    @Test
    void refusesFilesThatAreNotJpegOrPng() {
        byte[] pdf = "%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII);

        Response r = multipart(wechatCitizen(), unique("m"), new byte[][] {pdf});

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("code").asText()).isEqualTo("images.type");
        assertThat(r.body().path("detail").asText()).contains("JPG 或 PNG");
    }

    @Test
    void refusesAnImageOverTheSizeLimit() {
        byte[] big = Arrays.copyOf(JPEG, 2 * 1024 * 1024 + 1);

        Response r = multipart(wechatCitizen(), unique("m"), new byte[][] {big});

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("code").asText()).isEqualTo("images.tooLarge");
    }

    @Test
    void aServiceRequestWithoutImagesMayBeJson() {
        Response r = post("/api/v1/miniapp/service-requests", alipayCitizen(), unique("m"),
                "{\"regionCode\":\"440106\",\"businessType\":\"MEDIATION\",\"text\":\"与邻居因漏水纠纷，申请人民调解\"}");

        assertThat(r.status()).isEqualTo(201);
    }
}

package org.law12348.miniapp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRequestImagesTest extends MiniappTestSupport {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

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
        assertThat(first.raw().body()).isEqualTo(JPEG);
        assertThat(get("/api/v1/miniapp/tickets/" + number + "/images/2", token).raw().body()).isEqualTo(PNG);
        assertThat(get("/api/v1/miniapp/tickets/" + number + "/images/1", wechatCitizen()).status()).isEqualTo(404);
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

    private Response multipart(String token, String messageId, byte[][] images) {
        String boundary = "----miniapp" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "regionCode", "440106");
        field(body, boundary, "businessType", "LEGAL_AID");
        field(body, boundary, "text", "工地受伤老板不管，申请法律援助，附工伤照片");
        for (int i = 0; i < images.length; i++) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"images\"; filename=\"photo" + i
                    + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
            body.writeBytes(images[i]);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        HttpRequest request = request("/api/v1/miniapp/service-requests", token, messageId)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(request);
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}

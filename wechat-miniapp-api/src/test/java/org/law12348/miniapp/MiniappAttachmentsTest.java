package org.law12348.miniapp;

import org.junit.jupiter.api.Test;
import org.law12348.testsupport.SampleFiles;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen adds photos to their question from a mini-program, one file a request, as wx.uploadFile sends them. */
class MiniappAttachmentsTest extends MiniappTestSupport {

    @Test
    void aPhotoAddedToAQuestionIsKeptOnceWithoutItsPositionAndOnlyItsOwnerSeesIt() {
        String token = wechatCitizen();
        String number = ask(token, "工资被拖欠，附上工资条照片");
        String path = "/api/v1/miniapp/tickets/" + number + "/attachments";

        Response added = upload(token, path, "工资条.jpg", JPEG);
        Response retried = upload(token, path, "工资条.jpg", JPEG);

        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        assertThat(added.body().path("typeName").asText()).isEqualTo("JPG图片");
        assertThat(retried.body().path("id").asLong()).as("a retry keeps one file").isEqualTo(added.body().path("id").asLong());
        Response listed = get(path, token);
        assertThat(listed.body().findValuesAsText("fileName")).containsExactly("工资条.jpg");
        byte[] photo = get(added.body().path("contentUrl").asText(), token).raw().body();
        assertThat(SampleFiles.contains(photo, SampleFiles.latitudeSeconds())).as("the GPS latitude").isFalse();

        String stranger = wechatCitizen();
        assertThat(get(path, stranger).status()).isEqualTo(404);
        assertThat(upload(stranger, path, "x.jpg", JPEG).status()).isEqualTo(404);
        assertThat(get(added.body().path("contentUrl").asText(), stranger).status()).isEqualTo(404);
        assertThat(get(path, null).status()).isEqualTo(401);
    }

    @Test
    void aFileThatIsNotWhatItSaysOrNoFileAtAllIsRefusedNamingTheField() {
        String token = wechatCitizen();
        String path = "/api/v1/miniapp/tickets/" + ask(token, "合同纠纷，想上传合同照片") + "/attachments";

        Response pretending = upload(token, path, "合同.jpg", "MZ not a photo".getBytes(StandardCharsets.US_ASCII));
        Response empty = send(request(path, token, null)
                .header("Content-Type", "multipart/form-data; boundary=nothing")
                .POST(HttpRequest.BodyPublishers.ofString("--nothing--\r\n")).build());

        assertThat(pretending.status()).isBetween(400, 415);
        assertThat(pretending.body().path("field").asText()).isEqualTo("file");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("field").asText()).isEqualTo("file");
        assertThat(get(path, token).body()).isEmpty();
    }

    private Response upload(String token, String path, String fileName, byte[] content) {
        String boundary = "----upload" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, token, null).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}

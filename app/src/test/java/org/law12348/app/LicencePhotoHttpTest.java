package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.law12348.testsupport.SampleFiles;
import org.law12348.ticketing.retention.RetentionParticipant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a volunteer lawyer's licence photo, uploaded anonymously before signing up, checked by its
 * bytes, kept without its GPS position, bound to the new account, and shown to administrators only.
 */
class LicencePhotoHttpTest implements PostgresApp {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<RetentionParticipant> participants;

    private HttpApi.Answer upload(String fileName, byte[] content) {
        String boundary = "----law12348" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new HttpApi(port).postRaw("/api/v1/consultant-registrations/documents",
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private HttpApi.Answer register(String username, List<String> documentIds) {
        return new HttpApi(port).post("/api/v1/consultant-registrations", HttpApi.json(Map.of(
                "username", username, "password", "demo12348", "displayName", "志愿者" + username,
                "application", Map.of("qualification", "PRACTISING_LAWYER", "licenceNumber", "14401-" + username,
                        "regionCode", "440100", "businessTypes", List.of("LEGAL_CONSULTATION"),
                        "categories", List.of("LABOR"), "statement", "执业律师"),
                "documentIds", documentIds)));
    }

    private static String newUsername() {
        return "lic" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode applicant(String username) {
        for (JsonNode consultant : new HttpApi(port).get("/api/v1/admin/consultants", HttpApi.basic("admin")).body()) {
            if (consultant.path("username").asText().equals(username)) {
                return consultant;
            }
        }
        throw new AssertionError("no application of " + username);
    }

    private int documentReads() {
        Integer rows = jdbc.queryForObject("select count(*) from audit_entry where action = 'CONSULTANT_DOCUMENT_VIEWED'",
                Integer.class);
        return rows == null ? 0 : rows;
    }

    @Test
    void aLicencePhotoIsKeptWithoutItsGpsPositionAndOnlyAdministratorsSeeIt() {
        byte[] photo = SampleFiles.jpegWithGps(1);
        HttpApi.Answer uploaded = upload("执业证.jpg", photo);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.text("name")).isEqualTo("执业证.jpg");
        String id = uploaded.text("documentId");
        String username = newUsername();

        assertThat(register(username, List.of(id)).status()).isEqualTo(201);

        JsonNode documents = applicant(username).path("documents");
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).path("id").asText()).isEqualTo(id);
        assertThat(documents.get(0).path("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(documents.get(0).path("size").asLong()).isEqualTo(uploaded.body().path("size").asLong());
        String path = "/api/v1/admin/consultants/" + username + "/documents/" + id;
        int readsBefore = documentReads();
        HttpResponse<byte[]> read = new HttpApi(port).download(path, HttpApi.basic("admin"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        byte[] stored = read.body();
        assertThat(SampleFiles.jpegMarkers(stored)).doesNotContain(0xE1);
        assertThat(SampleFiles.contains(stored, SampleFiles.latitudeSeconds())).isFalse();
        assertThat(SampleFiles.contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(documentReads()).as("the administrator's read is audited").isEqualTo(readsBefore + 1);

        assertThat(new HttpApi(port).download(path).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(new HttpApi(port).download(path, HttpApi.basic("consultant")).statusCode()).isEqualTo(403);
        assertThat(new HttpApi(port).download(path, HttpApi.basic(username)).statusCode()).as("its own applicant").isEqualTo(403);
        assertThat(new HttpApi(port).download("/api/v1/admin/consultants/consultant/documents/" + id, HttpApi.basic("admin"))
                .statusCode()).as("under another consultant").isEqualTo(404);
    }

    @Test
    void aTextFileNamedJpgIsRefusedNamingFile() {
        HttpApi.Answer refused = upload("执业证.jpg", "这不是图片".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("document.type");
        assertThat(refused.text("field")).isEqualTo("file");
        assertThat(refused.text("detail")).isEqualTo("只支持JPG、PNG或PDF文件");
        assertThat(upload("scan.docx", SampleFiles.docx()).text("code")).isEqualTo("document.type");
        assertThat(upload("scan.pdf", SampleFiles.pdf("执业证")).status()).isEqualTo(201);
    }

    @Test
    void sixMegabytesAreTooLarge() {
        byte[] large = new byte[6 * 1024 * 1024];
        System.arraycopy(SampleFiles.pdf("执业证"), 0, large, 0, 100);

        HttpApi.Answer refused = upload("scan.pdf", large);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text("code")).isEqualTo("document.tooLarge");
        assertThat(refused.text("field")).isEqualTo("file");
    }

    @Test
    void aRegistrationNamingAnUnknownOrUsedDocumentIsRefusedAndMakesNoAccount() {
        String used = upload("a.png", SampleFiles.png(40, java.awt.Color.BLUE)).text("documentId");
        assertThat(register(newUsername(), List.of(used)).status()).isEqualTo(201);

        for (List<String> ids : List.of(List.of(used), List.of(UUID.randomUUID().toString()), List.of("../../etc"),
                List.of("1", "2", "3", "4"))) {
            String username = newUsername();
            HttpApi.Answer refused = register(username, ids);
            assertThat(refused.status()).as(ids.toString()).isEqualTo(400);
            assertThat(refused.raw().body()).contains("\"documentIds\"");
            assertThat(new HttpApi(port).get("/api/v1/consultant/me", HttpApi.basic(username)).status())
                    .as("no account was made").isEqualTo(401);
        }
    }

    @Test
    void aDocumentNoRegistrationNamedIsDeletedAfterADay() {
        String old = upload("old.png", SampleFiles.png(40, java.awt.Color.RED)).text("documentId");
        String fresh = upload("fresh.png", SampleFiles.png(40, java.awt.Color.GREEN)).text("documentId");
        jdbc.update("update consultant_document set uploaded_at = uploaded_at - interval '25 hours' where id = ?::uuid", old);
        RetentionParticipant unbound = participants.stream()
                .filter(p -> p.name().equals("consultation.unboundLicenceDocuments")).findFirst().orElseThrow();

        assertThat(unbound.deleteDue("system")).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from consultant_document where id = ?::uuid", Integer.class, old))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from consultant_document where id = ?::uuid", Integer.class, fresh))
                .isEqualTo(1);
    }
}

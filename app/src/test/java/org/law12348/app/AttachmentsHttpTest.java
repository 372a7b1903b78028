package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.law12348.testsupport.SampleFiles;
import org.law12348.attachments.Attachment;
import org.law12348.attachments.AttachmentKind;
import org.law12348.attachments.TicketAttachments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket attachments over HTTP: staff and citizens upload, list and download; bad uploads are problems
 * naming {@code file}; photos lose their GPS position; every read is audited; the files go with the
 * ticket's personal data and orphans with the retention run.
 */
@CitizenFacingApp
class AttachmentsHttpTest {

    private static final Path STORAGE = Path.of("target/test-attachments/citizen-facing");
    private static final String MB = "1MB"; // law12348.ticketing.attachments.max-file-size of CitizenFacingApp

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    TicketAttachments attachments;

    private record Ticket(String number, String token) {
        String[] citizen() {
            return new String[] {"X-Tracking-Token", token};
        }
    }

    private Ticket ask() {
        HttpApi.Answer created = new HttpApi(port).post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", "公司拖欠工资三个月，想申请法律援助。")));
        assertThat(created.status()).isEqualTo(201);
        return new Ticket(created.text("number"), created.text("trackingToken"));
    }

    private HttpApi.Answer upload(String path, String fileName, byte[] content, String... headers) {
        String boundary = "----law12348" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new HttpApi(port).postRaw(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
    }

    private HttpApi.Answer staffUpload(Ticket ticket, String user, String fileName, byte[] content) {
        return upload("/api/v1/staff/tickets/" + ticket.number() + "/attachments", fileName, content, HttpApi.basic(user));
    }

    private HttpApi.Answer citizenUpload(Ticket ticket, String fileName, byte[] content) {
        return upload("/api/v1/tickets/" + ticket.number() + "/attachments", fileName, content, ticket.citizen());
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private int reads(String number) {
        Integer rows = jdbc.queryForObject("select count(*) from audit_entry where action = 'ATTACHMENT_VIEWED'"
                + " and ticket_number = ?", Integer.class, number);
        return rows == null ? 0 : rows;
    }

    private static List<Path> filesOf(String number) throws IOException {
        Path folder = STORAGE.resolve(number);
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void staffUploadListAndDownloadADocumentAndARecordingPlaysInRanges() {
        Ticket ticket = ask();
        byte[] pdf = SampleFiles.pdf("劳动合同 " + ticket.number());

        HttpApi.Answer added = staffUpload(ticket, "handler-gz", "劳动合同.pdf", pdf);

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.text("kindName")).isEqualTo("工作人员添加的文书");
        assertThat(added.text("typeName")).isEqualTo("PDF文档");
        assertThat(added.body().path("size").asLong()).isEqualTo(pdf.length);
        JsonNode listed = new HttpApi(port).get("/api/v1/staff/tickets/" + ticket.number() + "/attachments",
                HttpApi.basic("handler-gz")).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("fileName").asText()).isEqualTo("劳动合同.pdf");
        assertThat(listed.get(0).path("addedBy").asText()).isEqualTo("handler-gz");
        assertThat(listed.get(0).path("deletable").asBoolean()).isTrue();

        HttpResponse<byte[]> file = new HttpApi(port).download(listed.get(0).path("contentUrl").asText(), HttpApi.basic("handler-gz"));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

        byte[] wav = SampleFiles.wav();
        HttpApi.Answer recording = upload("/api/v1/staff/tickets/" + ticket.number() + "/attachments?kind=CALL_RECORDING",
                "20261207-0930.wav", wav, HttpApi.basic("dispatcher"));
        assertThat(recording.status()).isEqualTo(201);
        assertThat(recording.text("kindName")).isEqualTo("通话录音");
        HttpResponse<byte[]> part = new HttpApi(port).download(recording.text("contentUrl"), with(HttpApi.basic("dispatcher"),
                "Range", "bytes=44-1043"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 44-1043/" + wav.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(wav, 44, 1044));
    }

    /** What the lead's telephony will do with a call's recording: through the port, as the system. */
    @Test
    void aModuleAttachesACallRecordingThatStaffPlayAndTheCitizenDoesNotSee() {
        Ticket ticket = ask();
        byte[] wav = SampleFiles.wav();

        Attachment recording = attachments.attach(ticket.number(), AttachmentKind.CALL_RECORDING,
                "call-1765081234.5.wav", new java.io.ByteArrayInputStream(wav), "telephony");
        Attachment again = attachments.attach(ticket.number(), AttachmentKind.CALL_RECORDING,
                "call-1765081234.5.wav", new java.io.ByteArrayInputStream(wav), "telephony");

        assertThat(again.id()).isEqualTo(recording.id());
        assertThat(recording.addedByRole()).isEqualTo("SYSTEM");
        JsonNode listed = new HttpApi(port).get("/api/v1/staff/tickets/" + ticket.number() + "/attachments",
                HttpApi.basic("handler-gz")).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("kindName").asText()).isEqualTo("通话录音");
        assertThat(listed.get(0).path("typeName").asText()).isEqualTo("WAV录音");
        assertThat(listed.get(0).path("addedByName").asText()).isEqualTo("系统");
        assertThat(new HttpApi(port).download(listed.get(0).path("contentUrl").asText(), HttpApi.basic("handler-gz")).body()).isEqualTo(wav);
        assertThat(new HttpApi(port).get("/api/v1/tickets/" + ticket.number() + "/attachments", ticket.citizen()).body())
                .as("a recording is not the citizen's upload").isEmpty();
        assertThat(jdbc.queryForList("select actor, actor_role from audit_entry where action = 'ATTACHMENT_ADDED'"
                + " and ticket_number = ?", ticket.number())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("ACTOR", "telephony").containsEntry("ACTOR_ROLE", "SYSTEM"));
    }

    @Test
    void refusedUploadsAreProblemsNamingTheFile() {
        Ticket ticket = ask();
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        System.arraycopy(SampleFiles.pdf("x"), 0, tooLarge, 0, 20);

        HttpApi.Answer large = staffUpload(ticket, "dispatcher", "big.pdf", tooLarge);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.text("code")).isEqualTo("file.tooLarge");
        assertThat(large.text("field")).isEqualTo("file");
        assertThat(large.text("detail")).isEqualTo("文件不能超过" + MB);

        HttpApi.Answer pdfAsPhoto = citizenUpload(ticket, "伤情照片.jpg", SampleFiles.pdf("y"));
        assertThat(pdfAsPhoto.status()).isEqualTo(415);
        assertThat(pdfAsPhoto.text("code")).isEqualTo("file.typeMismatch");
        assertThat(pdfAsPhoto.text("field")).isEqualTo("file");
        assertThat(pdfAsPhoto.text("detail")).contains("PDF文档", "JPG图片");

        HttpApi.Answer page = citizenUpload(ticket, "photo.jpg", SampleFiles.html());
        assertThat(page.status()).isEqualTo(415);
        assertThat(page.text("code")).isEqualTo("file.type");

        HttpApi.Answer nothing = new HttpApi(port).post("/api/v1/staff/tickets/" + ticket.number() + "/attachments",
                "{}", HttpApi.basic("dispatcher"));
        assertThat(nothing.status()).isEqualTo(415);
        assertThat(jdbc.queryForObject("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id"
                + " where t.number = ?", Integer.class, ticket.number())).isZero();
    }

    @Test
    void aPhotoIsStoredWithoutItsGpsPosition() {
        Ticket ticket = ask();

        HttpApi.Answer added = citizenUpload(ticket, "IMG_20261207.jpg", SampleFiles.jpegWithGps(1));

        assertThat(added.status()).isEqualTo(201);
        byte[] stored = new HttpApi(port).download(added.text("contentUrl"), ticket.citizen()).body();
        assertThat(SampleFiles.jpegMarkers(stored)).doesNotContain(0xE1);
        assertThat(SampleFiles.contains(stored, SampleFiles.latitudeSeconds())).isFalse();
        assertThat(SampleFiles.contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void aRetriedUploadIsOneAttachment() {
        Ticket ticket = ask();
        byte[] photo = SampleFiles.jpegWithGps(1);

        HttpApi.Answer first = citizenUpload(ticket, "IMG_1.jpg", photo);
        HttpApi.Answer retry = citizenUpload(ticket, "IMG_1.jpg", photo);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(new HttpApi(port).get("/api/v1/tickets/" + ticket.number() + "/attachments", ticket.citizen()).body())
                .hasSize(1);
    }

    @Test
    void aTicketHoldsTwentyAttachmentsAtMost() {
        Ticket ticket = ask();
        for (int i = 1; i <= 20; i++) {
            assertThat(staffUpload(ticket, "dispatcher", "文书" + i + ".pdf", SampleFiles.pdf("文书 " + i)).status())
                    .isEqualTo(201);
        }

        HttpApi.Answer one = staffUpload(ticket, "dispatcher", "文书21.pdf", SampleFiles.pdf("文书 21"));

        assertThat(one.status()).isEqualTo(409);
        assertThat(one.text("code")).isEqualTo("file.tooMany");
        assertThat(one.text("field")).isEqualTo("file");
        assertThat(one.text("detail")).isEqualTo("每个工单最多20个附件，已达上限");
    }

    @Test
    void aCitizenReadsTheirOwnUploadsAndNoOtherTicketsAttachment() {
        Ticket mine = ask();
        Ticket theirs = ask();
        String theirAttachment = citizenUpload(theirs, "合同.pdf", SampleFiles.pdf("their " + theirs.number())).text("id");
        String internal = staffUpload(mine, "dispatcher", "内部意见.pdf", SampleFiles.pdf("internal " + mine.number()))
                .text("id");
        String own = citizenUpload(mine, "我的合同.pdf", SampleFiles.pdf("mine " + mine.number())).text("id");

        JsonNode list = new HttpApi(port).get("/api/v1/tickets/" + mine.number() + "/attachments", mine.citizen()).body();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asText()).isEqualTo(own);
        assertThat(list.get(0).path("addedByName").asText()).isEqualTo("市民");

        String base = "/api/v1/tickets/";
        assertThat(new HttpApi(port).download(base + theirs.number() + "/attachments/" + theirAttachment + "/content", mine.citizen())
                .statusCode()).isEqualTo(404);
        assertThat(new HttpApi(port).download(base + mine.number() + "/attachments/" + theirAttachment + "/content", mine.citizen())
                .statusCode()).isEqualTo(404);
        assertThat(new HttpApi(port).download(base + mine.number() + "/attachments/" + internal + "/content", mine.citizen())
                .statusCode()).as("a staff document").isEqualTo(404);
        assertThat(new HttpApi(port).download(base + theirs.number() + "/attachments/" + theirAttachment + "/content").statusCode())
                .as("without a token").isEqualTo(404);
        assertThat(new HttpApi(port).get(base + theirs.number() + "/attachments", mine.citizen()).status()).isEqualTo(404);
        assertThat(citizenUpload(new Ticket(theirs.number(), mine.token()), "x.pdf", SampleFiles.pdf("x")).status())
                .isEqualTo(404);
        assertThat(new HttpApi(port).download(base + mine.number() + "/attachments/" + own + "/content", mine.citizen()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyReadOfAnAttachmentIsAudited() {
        Ticket ticket = ask();
        String url = staffUpload(ticket, "handler-gz", "证据.pdf", SampleFiles.pdf("audit " + ticket.number()))
                .text("contentUrl");
        String own = citizenUpload(ticket, "补充.pdf", SampleFiles.pdf("own " + ticket.number())).text("contentUrl");
        int before = reads(ticket.number());

        new HttpApi(port).get("/api/v1/staff/tickets/" + ticket.number() + "/attachments", HttpApi.basic("dispatcher"));
        new HttpApi(port).download(url, HttpApi.basic("dispatcher"));
        new HttpApi(port).download(url, with(HttpApi.basic("admin"), "Range", "bytes=0-3"));
        new HttpApi(port).get("/api/v1/tickets/" + ticket.number() + "/attachments", ticket.citizen());
        new HttpApi(port).download(own, ticket.citizen());

        assertThat(reads(ticket.number())).isEqualTo(before + 5);
        List<Map<String, Object>> latest = jdbc.queryForList("select actor, actor_role, detail from audit_entry"
                + " where action = 'ATTACHMENT_VIEWED' and ticket_number = ? order by id", ticket.number());
        assertThat(latest).extracting(row -> row.get("ACTOR_ROLE"))
                .containsExactly("DISPATCHER", "DISPATCHER", "ADMIN", "CITIZEN", "CITIZEN");
        assertThat(latest.get(1).get("DETAIL").toString()).contains("工作人员添加的文书").doesNotContain("证据");
    }

    @Test
    void onlyTheAdderADispatcherOrAnAdminDeletesAndTheFileGoesWithTheRow() throws IOException {
        Ticket ticket = ask();
        HttpApi.Answer added = staffUpload(ticket, "dispatcher", "调度意见.pdf", SampleFiles.pdf("delete " + ticket.number()));
        String path = "/api/v1/staff/tickets/" + ticket.number() + "/attachments/" + added.text("id");
        assertThat(filesOf(ticket.number())).hasSize(1);

        HttpApi.Answer byHandler = new HttpApi(port).request("DELETE", path, "application/json", new byte[0],
                HttpApi.basic("handler-gz"));
        assertThat(byHandler.status()).isEqualTo(403);
        HttpApi.Answer byAdder = new HttpApi(port).request("DELETE", path, "application/json", new byte[0],
                HttpApi.basic("dispatcher"));

        assertThat(byAdder.status()).isEqualTo(204);
        assertThat(filesOf(ticket.number())).isEmpty();
        assertThat(new HttpApi(port).download(path + "/content", HttpApi.basic("dispatcher")).statusCode()).isEqualTo(404);
        JsonNode timeline = new HttpApi(port).get("/api/v1/staff/tickets/" + ticket.number(), HttpApi.basic("admin"))
                .body().path("timeline");
        assertThat(timeline.toString()).contains("添加附件：调度意见.pdf", "删除附件：调度意见.pdf");
    }

    @Test
    void erasingTheCitizenRemovesTheRowsAndFilesOfTheirAttachments() throws IOException {
        Ticket ticket = ask();
        assertThat(citizenUpload(ticket, "身份证.jpg", SampleFiles.jpegWithGps(1)).status()).isEqualTo(201);
        assertThat(staffUpload(ticket, "handler-gz", "回执.pdf", SampleFiles.pdf("erase " + ticket.number())).status())
                .isEqualTo(201);
        assertThat(filesOf(ticket.number())).hasSize(2);

        HttpApi.Answer erased = new HttpApi(port).post("/api/v1/admin/citizen-data/erasure", HttpApi.json(Map.of(
                "ticketNumber", ticket.number(), "reason", "市民申请删除")), HttpApi.basic("admin"));

        assertThat(erased.status()).isEqualTo(200);
        assertThat(filesOf(ticket.number())).isEmpty();
        assertThat(Files.exists(STORAGE.resolve(ticket.number()))).as("the ticket's folder").isFalse();
        assertThat(new HttpApi(port).get("/api/v1/staff/tickets/" + ticket.number() + "/attachments",
                HttpApi.basic("admin")).body()).isEmpty();
        assertThat(citizenUpload(ticket, "again.pdf", SampleFiles.pdf("again")).status()).isIn(404, 409);
    }

    @Test
    void theRetentionRunDeletesFilesNoRowNamesOnceTheyAreOlderThanAnUpload() throws IOException {
        Ticket ticket = ask();
        Path folder = Files.createDirectories(STORAGE.resolve(ticket.number()));
        Path orphan = Files.write(folder.resolve("a".repeat(64)), SampleFiles.pdf("orphan"));
        // the application's clock, which other tests move forward, decides what is old
        Files.setLastModifiedTime(orphan, FileTime.from(clock.instant().minus(Duration.ofDays(1))));
        Path inFlight = Files.write(folder.resolve("b".repeat(64)), SampleFiles.pdf("in flight"));
        Files.setLastModifiedTime(inFlight, FileTime.from(clock.instant()));
        List<Path> before = new ArrayList<>(filesOf(ticket.number()));
        assertThat(before).hasSize(2);

        HttpApi.Answer run = new HttpApi(port).post("/api/v1/admin/retention/runs", "{}", HttpApi.basic("admin"));

        assertThat(run.status()).isEqualTo(201);
        assertThat(Files.exists(orphan)).isFalse();
        assertThat(Files.exists(inFlight)).as("younger than the grace period: its row may be on its way").isTrue();
        Files.delete(inFlight);
    }
}

package org.law12348.consultation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.consultation.LicenceDocuments;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.web.ApiProblems;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Licence photos: uploaded anonymously on the sign-up page, read by administrators reviewing the application. */
@RestController
@Tag(name = "certification", description = "咨询师资格审核与答复复核")
class ConsultantDocumentController {

    @Schema(description = "已上传的执业证照片；注册时在 documentIds 中提交 documentId")
    record UploadedDocument(String documentId, String name, long size) {
    }

    private static final Pattern CONSULTANT = Pattern.compile("[a-z][a-z0-9_-]{2,63}");

    private final LicenceDocuments documents;
    private final CurrentStaff currentStaff;

    ConsultantDocumentController(LicenceDocuments documents, CurrentStaff currentStaff) {
        this.documents = documents;
        this.currentStaff = currentStaff;
    }

    @PostMapping("/api/v1/consultant-registrations/documents")
    @Operation(summary = "注册前上传执业证照片（公开）", description = "multipart 字段 file；按内容识别，只收 JPG、PNG、PDF，"
            + "不超过5MB；图片的 EXIF（含位置）等元数据会被清除。一天内未随注册提交的文件会被删除。"
            + "400 document.type，413 document.tooLarge，field 均为 file")
    ResponseEntity<UploadedDocument> upload(@RequestPart(name = "file", required = false) MultipartFile file) {
        if (file == null) {
            throw new InvalidInputException("file", "field.required", "请选择要上传的文件");
        }
        documents.requireSize(file.getSize());
        LicenceDocuments.Document stored;
        try {
            stored = documents.upload(file.getBytes(), file.getOriginalFilename());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new UploadedDocument(stored.id().toString(), stored.name(), stored.size()));
    }

    @GetMapping("/api/v1/admin/consultants/{username}/documents/{id}")
    @Operation(summary = "查看咨询师的执业证照片（管理员）", description = "每次读取记入审计日志")
    ResponseEntity<?> read(@PathVariable String username, @PathVariable String id) {
        StaffMember staff = currentStaff.require();
        if (!staff.hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有管理员可以查看执业证照片");
        }
        // only consultants have documents, and their usernames are plain: anything else is looked up nowhere
        Optional<LicenceDocuments.Content> found = CONSULTANT.matcher(username).matches()
                ? parse(id).flatMap(uuid -> documents.read(username, uuid, staff)) : Optional.empty();
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblems.problem(HttpStatus.NOT_FOUND,
                    "document.notFound", "没有这份执业证照片", "id"));
        }
        LicenceDocuments.Content content = found.get();
        LicenceDocuments.Document document = content.document();
        ContentDisposition disposition = (document.contentType().startsWith("image/") ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(document.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .cacheControl(CacheControl.noStore())
                .body(content.bytes());
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

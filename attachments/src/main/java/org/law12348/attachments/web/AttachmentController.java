package org.law12348.attachments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.attachments.Attachment;
import org.law12348.attachments.AttachmentService;
import org.law12348.attachments.AttachmentType;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.TrackingTokenCheck;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Attachments of a ticket: staff list, upload, download (with HTTP ranges, so recordings play and seek)
 * and delete; the citizen lists, uploads and downloads their own with the tracking token. Refused
 * uploads answer problem details naming the field {@code file}.
 */
@RestController
@Tag(name = "attachments", description = "工单附件（通话录音、市民提交的图片和材料、工作人员添加的文书）")
class AttachmentController {

    private static final String TOKEN = "X-Tracking-Token";

    @Schema(description = "工单附件")
    record AttachmentView(long id, @Schema(example = "CITIZEN_FILE") String kind,
                          @Schema(example = "市民提交的材料") String kindName,
                          @Schema(example = "劳动合同.pdf") String fileName,
                          @Schema(example = "application/pdf") String contentType,
                          @Schema(example = "PDF文档") String typeName, long size,
                          @Schema(description = "添加人：工作人员账号，或 citizen、系统名称") String addedBy,
                          @Schema(example = "市民") String addedByName, Instant addedAt,
                          @Schema(description = "当前用户能否删除（仅工作人员视图）") Boolean deletable,
                          @Schema(description = "下载地址（支持 Range 请求）") String contentUrl) {
    }

    private final AttachmentService attachments;
    private final CurrentStaff currentStaff;
    private final TrackingTokenCheck trackingTokens;

    AttachmentController(AttachmentService attachments, CurrentStaff currentStaff, TrackingTokenCheck trackingTokens) {
        this.attachments = attachments;
        this.currentStaff = currentStaff;
        this.trackingTokens = trackingTokens;
    }

    @GetMapping("/api/v1/staff/tickets/{number}/attachments")
    @Operation(summary = "工单附件列表", description = "能查看该工单的工作人员；每次查看记入审计日志")
    List<AttachmentView> listAttachments(@PathVariable String number) {
        StaffMember staff = currentStaff.require();
        return attachments.forStaff(checked(number), staff).stream().map(a -> staffView(a, staff)).toList();
    }

    @PostMapping(path = "/api/v1/staff/tickets/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传附件", description = "能查看该工单的工作人员；multipart 字段 file，kind 为 STAFF_DOCUMENT（默认）"
            + "或 CALL_RECORDING。按内容识别类型：JPG、PNG、PDF、DOCX、WAV、MP3；图片的 EXIF（含位置）等元数据会被清除。"
            + "同一文件重复上传返回原附件（200）。413 过大、415 类型不符、409 数量已满，field 均为 file")
    ResponseEntity<AttachmentView> uploadAttachment(@PathVariable String number,
                                          @RequestPart(name = "file", required = false) MultipartFile file,
                                          @Parameter(description = "STAFF_DOCUMENT 或 CALL_RECORDING")
                                          @RequestParam(name = "kind", required = false) String kind) {
        StaffMember staff = currentStaff.require();
        Attachment added;
        try (InputStream in = required(file).getInputStream()) {
            added = attachments.addByStaff(checked(number), kind, file.getOriginalFilename(), in, staff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return created(staffView(added, staff));
    }

    @GetMapping("/api/v1/staff/tickets/{number}/attachments/{attachmentId}/content")
    @Operation(summary = "下载或播放附件", description = "支持 Range 请求（录音可拖动播放）；每次读取记入审计日志")
    ResponseEntity<Resource> downloadAttachment(@PathVariable String number, @PathVariable long attachmentId) {
        StaffMember staff = currentStaff.require();
        return file(attachments.downloadForStaff(checked(number), attachmentId, staff));
    }

    @DeleteMapping("/api/v1/staff/tickets/{number}/attachments/{attachmentId}")
    @Operation(summary = "删除附件", description = "添加人、调度员、管理员；文件随即删除（不可恢复）")
    ResponseEntity<Void> deleteAttachment(@PathVariable String number, @PathVariable long attachmentId) {
        StaffMember staff = currentStaff.require();
        attachments.deleteByStaff(checked(number), attachmentId, staff);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/tickets/{number}/attachments")
    @Operation(summary = "我提交的附件（市民凭查询凭证）", description = "X-Tracking-Token 请求头；其他情况一律 404")
    List<AttachmentView> citizenAttachments(@PathVariable String number, @RequestHeader(name = TOKEN, required = false) String token) {
        requireCitizen(number, token);
        return attachments.forCitizen(number).stream().map(AttachmentController::citizenView).toList();
    }

    @PostMapping(path = "/api/v1/tickets/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "补充材料（市民凭查询凭证）", description = "工单办结前；multipart 字段 file；类型与限制同工作人员上传")
    ResponseEntity<AttachmentView> citizenUploadAttachment(@PathVariable String number,
                                                 @RequestHeader(name = TOKEN, required = false) String token,
                                                 @RequestPart(name = "file", required = false) MultipartFile file) {
        requireCitizen(number, token);
        Attachment added;
        try (InputStream in = required(file).getInputStream()) {
            added = attachments.addByCitizen(number, file.getOriginalFilename(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return created(citizenView(added));
    }

    @GetMapping("/api/v1/tickets/{number}/attachments/{attachmentId}/content")
    @Operation(summary = "下载我提交的附件（市民凭查询凭证）", description = "支持 Range 请求")
    ResponseEntity<Resource> citizenDownloadAttachment(@PathVariable String number, @PathVariable long attachmentId,
                                             @RequestHeader(name = TOKEN, required = false) String token) {
        requireCitizen(number, token);
        return file(attachments.downloadForCitizen(number, attachmentId));
    }

    private static ResponseEntity<AttachmentView> created(AttachmentView view) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    private static ResponseEntity<Resource> file(AttachmentService.Download download) {
        Attachment a = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(download.content());
    }

    private static AttachmentView staffView(Attachment a, StaffMember staff) {
        boolean deletable = staff.hasRole(StaffRole.DISPATCHER, StaffRole.ADMIN) || staff.username().equals(a.addedBy());
        return view(a, deletable, "/api/v1/staff/tickets/" + a.ticketNumber() + "/attachments/" + a.id() + "/content");
    }

    private static AttachmentView citizenView(Attachment a) {
        return view(a, null, "/api/v1/tickets/" + a.ticketNumber() + "/attachments/" + a.id() + "/content");
    }

    private static AttachmentView view(Attachment a, Boolean deletable, String url) {
        String addedByName = switch (a.addedByRole()) {
            case "CITIZEN" -> "市民";
            case "SYSTEM" -> "系统";
            default -> a.addedBy();
        };
        return new AttachmentView(a.id(), a.kind().name(), a.kind().chineseName(), a.fileName(), a.contentType(),
                AttachmentType.ofContentType(a.contentType()).map(AttachmentType::chineseName).orElse(a.contentType()),
                a.size(), a.addedBy(), addedByName, a.addedAt(), deletable, url);
    }

    private static MultipartFile required(MultipartFile file) {
        if (file == null) {
            throw new org.law12348.ticketing.InvalidInputException("file", "field.required", "请选择要上传的文件");
        }
        return file;
    }

    private void requireCitizen(String number, String token) {
        if (!TicketNumber.isWellFormed(number) || !trackingTokens.matches(number, token)) {
            throw new TicketNotFoundException(number);
        }
    }

    private static String checked(String number) {
        if (!TicketNumber.isWellFormed(number)) {
            throw new TicketNotFoundException(number);
        }
        return number;
    }
}

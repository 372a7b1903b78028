package org.law12348.miniapp.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.miniapp.internal.tickets.MiniappTickets;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.attachments.Attachment;
import org.law12348.attachments.AttachmentService;
import org.law12348.attachments.AttachmentType;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import static org.law12348.miniapp.internal.web.MiniappTicketController.AUTH;

/**
 * The photos and papers a citizen adds to their own ticket from a mini-program, one file a request (as
 * {@code wx.uploadFile} and {@code my.uploadFile} send them), into the ticket's attachments: the same
 * checks, limits and metadata stripping as the web's, and a file sent twice is kept once, so a retry is
 * harmless. Someone else's ticket answers 404.
 */
@RestController
@RequestMapping("/api/v1/miniapp/tickets/{number}/attachments")
@Tag(name = "miniapp")
class MyAttachmentsController {

    @Schema(description = "我提交的附件")
    record MyAttachment(long id, @Schema(example = "照片.jpg") String fileName,
                        @Schema(example = "image/jpeg") String contentType, @Schema(example = "JPG图片") String typeName,
                        long size, Instant addedAt, @Schema(description = "下载地址（带登录凭证）") String contentUrl) {
    }

    private final CurrentCitizen current;
    private final MiniappTickets tickets;
    private final AttachmentService attachments;

    MyAttachmentsController(CurrentCitizen current, MiniappTickets tickets, AttachmentService attachments) {
        this.current = current;
        this.tickets = tickets;
        this.attachments = attachments;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "我为这件咨询提交的附件")
    List<MyAttachment> list(@RequestHeader(name = AUTH, required = false) String authorization,
                            @PathVariable String number) {
        String own = ownTicket(authorization, number);
        return attachments.forCitizen(own).stream().map(MyAttachmentsController::view).toList();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "补充照片或材料（工单办结前；multipart 字段 file，每次一个文件）",
            description = "类型与数量限制同网上渠道；图片去除拍摄地点等元数据后保存；同一文件重复上传只保存一份")
    ResponseEntity<MyAttachment> add(@RequestHeader(name = AUTH, required = false) String authorization,
                                     @PathVariable String number,
                                     @RequestPart(name = "file", required = false) MultipartFile file) {
        String own = ownTicket(authorization, number);
        if (file == null) {
            throw new InvalidInputException("file", "field.required", "请选择要上传的照片或文件");
        }
        Attachment added;
        try (InputStream in = file.getInputStream()) {
            added = attachments.addByCitizen(own, file.getOriginalFilename(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(added));
    }

    @GetMapping("/{attachmentId}/content")
    @Operation(summary = "查看我提交的附件")
    ResponseEntity<Resource> content(@RequestHeader(name = AUTH, required = false) String authorization,
                                     @PathVariable String number, @PathVariable long attachmentId) {
        AttachmentService.Download download = attachments.downloadForCitizen(ownTicket(authorization, number), attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(download.attachment().contentType()))
                .cacheControl(CacheControl.noStore()).body(download.content());
    }

    private String ownTicket(String authorization, String number) {
        return tickets.find(current.require(authorization).citizen(), number).number();
    }

    private static MyAttachment view(Attachment a) {
        return new MyAttachment(a.id(), a.fileName(), a.contentType(),
                AttachmentType.ofContentType(a.contentType()).map(AttachmentType::chineseName).orElse(a.contentType()),
                a.size(), a.addedAt(), "/api/v1/miniapp/tickets/" + a.ticketNumber() + "/attachments/" + a.id() + "/content");
    }
}

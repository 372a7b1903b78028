package org.law12348.miniapp.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.miniapp.internal.tickets.MiniappTickets;
import org.law12348.miniapp.internal.tickets.MiniappTickets.Submission;
import org.law12348.miniapp.internal.tickets.TicketImages;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.TicketKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;

/**
 * Questions and service requests from the mini-programs. Each write carries a client message id
 * (header {@code X-Client-Message-Id} or field {@code clientMessageId}): retries answer the ticket
 * already created (200 instead of 201) and create nothing.
 */
@RestController
@RequestMapping(path = "/api/v1/miniapp", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "miniapp")
class MiniappTicketController {

    static final String AUTH = "Authorization";
    static final String MESSAGE_ID = "X-Client-Message-Id";

    private static final String TRIGGER_DATE = "市民填写的法律期限起算日（可不填，yyyy-MM-dd），例如被辞退之日；"
            + "不能晚于今天，不能早于20年前；属于幂等内容";

    record Question(String regionCode, String subject, String text, String clientMessageId,
                    @Schema(description = TRIGGER_DATE, example = "2026-03-05") String triggerDate) {
    }

    record ServiceRequest(String regionCode, String businessType, String subject, String text,
                          String clientMessageId,
                          @Schema(description = TRIGGER_DATE, example = "2026-03-05") String triggerDate) {
    }

    private final CurrentCitizen current;
    private final MiniappTickets tickets;
    private final TicketImages images;
    private final CitizenViews views;

    MiniappTicketController(CurrentCitizen current, MiniappTickets tickets, TicketImages images, CitizenViews views) {
        this.current = current;
        this.tickets = tickets;
        this.images = images;
        this.views = views;
    }

    @PostMapping(path = "/questions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "提问（法律咨询）；微信渠道先经内容安全检测")
    ResponseEntity<CitizenViews.Receipt> ask(@RequestHeader(name = AUTH, required = false) String authorization,
                                             @RequestHeader(name = MESSAGE_ID, required = false) String messageId,
                                             @RequestBody(required = false) Question body) {
        CurrentCitizen.Caller caller = current.require(authorization);
        Question q = body == null ? new Question(null, null, null, null, null) : body;
        Submission submission = new Submission(messageId != null ? messageId : q.clientMessageId(),
                TicketKind.CONSULTATION.name(), BusinessType.LEGAL_CONSULTATION.name(), q.regionCode(), q.subject(),
                q.text(), q.triggerDate());
        return answer(tickets.submit(caller.citizen(), caller.channel(), submission, TicketImages.none()));
    }

    @PostMapping(path = "/service-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "服务申请（不带图片）")
    ResponseEntity<CitizenViews.Receipt> request(@RequestHeader(name = AUTH, required = false) String authorization,
                                                 @RequestHeader(name = MESSAGE_ID, required = false) String messageId,
                                                 @RequestBody(required = false) ServiceRequest body) {
        ServiceRequest r = body == null ? new ServiceRequest(null, null, null, null, null, null) : body;
        return submitRequest(authorization, messageId != null ? messageId : r.clientMessageId(), r.regionCode(),
                r.businessType(), r.subject(), r.text(), r.triggerDate(), TicketImages.none());
    }

    @PostMapping(path = "/service-requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "服务申请（multipart，最多3张 JPG/PNG 图片，字段 images）")
    ResponseEntity<CitizenViews.Receipt> requestWithImages(
            @RequestHeader(name = AUTH, required = false) String authorization,
            @RequestHeader(name = MESSAGE_ID, required = false) String messageId,
            @RequestParam(name = "clientMessageId", required = false) String clientMessageId,
            @RequestParam(name = "regionCode", required = false) String regionCode,
            @RequestParam(name = "businessType", required = false) String businessType,
            @RequestParam(name = "subject", required = false) String subject,
            @RequestParam(name = "text", required = false) String text,
            @RequestParam(name = "triggerDate", required = false) String triggerDate,
            @RequestPart(name = "images", required = false) List<MultipartFile> files) {
        current.require(authorization);
        TicketImages.Batch batch = images.check(files);
        return submitRequest(authorization, messageId != null ? messageId : clientMessageId, regionCode,
                businessType, subject, text, triggerDate, batch);
    }

    private ResponseEntity<CitizenViews.Receipt> submitRequest(String authorization, String messageId,
                                                               String regionCode, String businessType,
                                                               String subject, String text, String triggerDate,
                                                               TicketImages.Batch batch) {
        CurrentCitizen.Caller caller = current.require(authorization);
        if (BusinessType.LEGAL_CONSULTATION.name().equals(businessType)) {
            throw new InvalidInputException("businessType", "businessType.useQuestions", "法律咨询请通过“提问”提交");
        }
        Submission submission = new Submission(messageId, TicketKind.SERVICE_REQUEST.name(), businessType, regionCode,
                subject, text, triggerDate);
        return answer(tickets.submit(caller.citizen(), caller.channel(), submission, batch));
    }

    private ResponseEntity<CitizenViews.Receipt> answer(IntakeResult result) {
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Idempotent-Replayed", String.valueOf(!result.created()))
                .body(views.receipt(result));
    }
}

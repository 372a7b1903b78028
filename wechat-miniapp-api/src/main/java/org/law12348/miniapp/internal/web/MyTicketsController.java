package org.law12348.miniapp.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.miniapp.internal.tickets.MiniappTickets;
import org.law12348.miniapp.internal.tickets.TicketImages;
import org.law12348.ticketing.CitizenCallbacks;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.clocks.LegalClockService;
import org.law12348.ticketing.web.ClockViews;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.law12348.miniapp.internal.web.MiniappTicketController.AUTH;
import static org.law12348.miniapp.internal.web.MiniappTicketController.MESSAGE_ID;

/** A citizen's own tickets. Someone else's ticket answers 404 exactly like one that does not exist. */
@RestController
@RequestMapping(path = "/api/v1/miniapp", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "miniapp")
class MyTicketsController {

    private static final int MAX_PAGE_SIZE = 50;

    record FollowUp(String text, String clientMessageId) {
    }

    record Rating(Integer score, String comment, String clientMessageId) {
    }

    record Acceptance(String clientMessageId) {
    }


    private final CurrentCitizen current;
    private final MiniappTickets tickets;
    private final TicketImages images;
    private final CitizenViews views;
    private final List<CitizenCallbacks> callbacks;
    private final LegalClockService clocks;

    MyTicketsController(CurrentCitizen current, MiniappTickets tickets, TicketImages images, CitizenViews views,
                        List<CitizenCallbacks> callbacks, LegalClockService clocks) {
        this.clocks = clocks;
        this.current = current;
        this.tickets = tickets;
        this.images = images;
        this.views = views;
        this.callbacks = callbacks;
    }

    @GetMapping("/tickets")
    @Operation(summary = "我的工单（含绑定手机号后热线等渠道的工单），按提交时间倒序")
    CitizenViews.Page list(@RequestHeader(name = AUTH, required = false) String authorization,
                           @RequestParam(name = "page", defaultValue = "0") int page,
                           @RequestParam(name = "size", defaultValue = "20") int size) {
        CurrentCitizen.Caller caller = current.require(authorization);
        if (page < 0 || page > 10_000) {
            throw new InvalidInputException("page", "page.outOfRange", "页码超出范围");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "size.outOfRange", "每页条数应为1到" + MAX_PAGE_SIZE);
        }
        var result = tickets.list(caller.citizen(), page, size);
        return new CitizenViews.Page(result.getContent().stream().map(views::summary).toList(), page, size,
                result.getTotalElements());
    }

    @GetMapping("/tickets/{number}")
    @Operation(summary = "查看工单：进度时间线与答复")
    CitizenViews.Detail get(@RequestHeader(name = AUTH, required = false) String authorization,
                            @PathVariable String number) {
        return views.detail(tickets.find(current.require(authorization).citizen(), number));
    }

    @GetMapping("/tickets/{number}/clocks")
    @Operation(summary = "我的法律期限：仲裁时效、上诉期等的截止日（仅供参考，不构成法律意见）")
    ClockViews.ClockList myClocks(@RequestHeader(name = AUTH, required = false) String authorization,
                                @PathVariable String number) {
        Ticket ticket = tickets.find(current.require(authorization).citizen(), number);
        return ClockViews.forCitizen(clocks.forCitizen(ticket.number()), clocks.today());
    }

    @GetMapping(path = "/tickets/{number}/images/{index}", produces = {MediaType.IMAGE_JPEG_VALUE,
            MediaType.IMAGE_PNG_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "查看自己上传的图片（序号从1开始）")
    ResponseEntity<Resource> image(@RequestHeader(name = AUTH, required = false) String authorization,
                                   @PathVariable String number, @PathVariable int index) {
        Ticket ticket = tickets.find(current.require(authorization).citizen(), number);
        TicketImages.StoredImage image = images.find(ticket.channelRef(), index)
                .orElseThrow(() -> new TicketNotFoundException(number));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .body(new FileSystemResource(image.file()));
    }

    @PostMapping(path = "/tickets/{number}/follow-ups", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "追问（2-2000字）")
    CitizenViews.Detail followUp(@RequestHeader(name = AUTH, required = false) String authorization,
                                 @RequestHeader(name = MESSAGE_ID, required = false) String messageId,
                                 @PathVariable String number, @RequestBody(required = false) FollowUp body) {
        CurrentCitizen.Caller caller = current.require(authorization);
        FollowUp f = body == null ? new FollowUp(null, null) : body;
        return views.detail(tickets.followUp(caller.citizen(), number, or(messageId, f.clientMessageId()), f.text()));
    }

    @PostMapping("/tickets/{number}/accept-answer")
    @Operation(summary = "确认问题已解决，工单随即办结")
    CitizenViews.Detail accept(@RequestHeader(name = AUTH, required = false) String authorization,
                               @RequestHeader(name = MESSAGE_ID, required = false) String messageId,
                               @PathVariable String number, @RequestBody(required = false) Acceptance body) {
        CurrentCitizen.Caller caller = current.require(authorization);
        return views.detail(tickets.acceptAnswer(caller.citizen(), number,
                or(messageId, body == null ? null : body.clientMessageId())));
    }

    @PostMapping(path = "/tickets/{number}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "评价答复：score 1-5，comment 最多500字")
    CitizenViews.Detail rate(@RequestHeader(name = AUTH, required = false) String authorization,
                             @RequestHeader(name = MESSAGE_ID, required = false) String messageId,
                             @PathVariable String number, @RequestBody(required = false) Rating body) {
        CurrentCitizen.Caller caller = current.require(authorization);
        Rating r = body == null ? new Rating(null, null, null) : body;
        return views.detail(tickets.rate(caller.citizen(), number, or(messageId, r.clientMessageId()), r.score(),
                r.comment()));
    }

    @GetMapping("/callbacks")
    @Operation(summary = "我的回拨任务（热线为我的工单安排的回拨）")
    List<CitizenCallbacks.Callback> callbacks(@RequestHeader(name = AUTH, required = false) String authorization) {
        CurrentCitizen.Caller caller = current.require(authorization);
        List<String> mine = tickets.list(caller.citizen(), 0, 200).getContent().stream().map(Ticket::number).toList();
        return callbacks.stream().flatMap(c -> c.onTickets(mine).stream()).toList();
    }

    private static String or(String header, String field) {
        return header != null ? header : field;
    }
}

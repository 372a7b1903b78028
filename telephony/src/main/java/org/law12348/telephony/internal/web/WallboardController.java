package org.law12348.telephony.internal.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The wallboard for dispatchers and administrators: its figures now, and the same figures as they change. */
@RestController
class WallboardController {

    private final StaffGate gate;
    private final Wallboard wallboard;
    private final WallboardStream stream;

    WallboardController(StaffGate gate, Wallboard wallboard, WallboardStream stream) {
        this.gate = gate;
        this.wallboard = wallboard;
        this.stream = stream;
    }

    /** Holds no personal data (counts per queue), so reading it is not audited. */
    @GetMapping("/api/v1/staff/wallboard")
    Wallboard.Board board() {
        gate.requireDispatcher("查看实时监控");
        return wallboard.now();
    }

    @GetMapping(path = "/api/v1/staff/wallboard/events", produces = "text/event-stream")
    SseEmitter events() {
        gate.requireDispatcher("查看实时监控");
        return stream.subscribe();
    }
}

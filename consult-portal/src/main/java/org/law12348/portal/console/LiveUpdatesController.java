package org.law12348.portal.console;

import org.law12348.portal.SignedInStaff;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The console's event stream ({@code EventSource} in the page). */
@Controller
class LiveUpdatesController {

    private final LiveUpdates updates;
    private final SignedInStaff consoleStaff;

    LiveUpdatesController(LiveUpdates updates, SignedInStaff consoleStaff) {
        this.updates = updates;
        this.consoleStaff = consoleStaff;
    }

    @GetMapping(value = "/console/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events() {
        return updates.subscribe(consoleStaff.require());
    }
}

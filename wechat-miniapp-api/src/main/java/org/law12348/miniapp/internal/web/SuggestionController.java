package org.law12348.miniapp.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.knowledge.KnowledgeBase;
import org.law12348.knowledge.Suggestion;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Knowledge-base answers while the citizen types a question in the mini-program. */
@RestController
@RequestMapping(path = "/api/v1/miniapp", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "miniapp")
class SuggestionController {

    private final CurrentCitizen current;
    private final KnowledgeBase knowledge;

    SuggestionController(CurrentCitizen current, KnowledgeBase knowledge) {
        this.current = current;
        this.knowledge = knowledge;
    }

    @GetMapping("/suggestions")
    @Operation(summary = "输入问题时联想知识库答案（需会话令牌）")
    List<Suggestion> suggest(@RequestHeader(name = MiniappTicketController.AUTH, required = false) String authorization,
                             @RequestParam(required = false) String q) {
        current.require(authorization);
        return knowledge.suggest(q, 5);
    }
}

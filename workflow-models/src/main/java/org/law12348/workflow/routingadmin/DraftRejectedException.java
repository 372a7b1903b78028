package org.law12348.workflow.routingadmin;

import org.law12348.ticketing.InvalidInputException;

import java.util.List;

/** A draft was sent to go live that does not pass validation; it carries every problem, cell by cell. */
public class DraftRejectedException extends InvalidInputException {

    private final List<DraftReport.DraftProblem> problems;

    DraftRejectedException(List<DraftReport.DraftProblem> problems) {
        super(problems.stream().map(p -> new Violation("xml", "dmn.invalid", p.message())).toList());
        this.problems = List.copyOf(problems);
    }

    public List<DraftReport.DraftProblem> problems() {
        return problems;
    }
}

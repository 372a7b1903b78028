package org.law12348.knowledge.internal;

import org.law12348.knowledge.DeflectionStats;
import org.law12348.ticketing.DashboardFigures;
import org.law12348.ticketing.TicketStatistics;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The knowledge base's figures on the console's dashboard: how often "this solved my problem" was
 * clicked, how many searches there were, and their ratio, over the whole days of the period (the
 * searches are counted per day). Neither knows a region or a handling unit, so they are labelled as
 * the whole service's and shown whatever the filter.
 */
@Component
class KnowledgeFigures implements DashboardFigures {

    static final int ORDER = 200;

    private final DeflectionCounts counts;

    KnowledgeFigures(DeflectionCounts counts) {
        this.counts = counts;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public List<Figure> figures(TicketStatistics.Scope scope) {
        LocalDate from = LocalDate.ofInstant(scope.from(), counts.zone());
        // the scope ends before `to`; the day of its last moment is the last day counted
        LocalDate to = LocalDate.ofInstant(scope.to().minusNanos(1), counts.zone());
        DeflectionStats stats = counts.between(from, to.isBefore(from) ? from : to);
        return List.of(
                new Figure("知识库自助解决（全服务）", String.valueOf(stats.deflections())),
                new Figure("知识库搜索（全服务）", String.valueOf(stats.searches())),
                new Figure("知识库自助解决率（全服务）", stats.searches() == 0 ? "—"
                        : String.format(Locale.ROOT, "%.1f%%", 100.0 * stats.deflections() / stats.searches())));
    }
}

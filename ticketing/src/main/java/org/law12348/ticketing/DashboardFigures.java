package org.law12348.ticketing;

import java.util.List;

/**
 * Figures another module adds to the console's dashboard beside the ticket figures (e.g. calls received,
 * knowledge-base deflections), over the same period and region as the tickets. Ticketing owns the port so
 * that the modules depending on it contribute without the console depending on them; the console shows
 * the figures of every implementation, ordered by {@link #order()}, and nothing when there is none.
 */
public interface DashboardFigures {

    /** One labelled figure, formatted as a dispatcher reads it. */
    record Figure(String label, String value) {
    }

    /** Where these figures stand among the others', smaller first; e.g. 100, 200, leaving room between. */
    int order();

    /**
     * The figures over the scope: what happened in [{@code from}, {@code to}), in the region whose code
     * starts with {@code regionPrefix} when it is set. Labels are in Chinese; a figure the module cannot
     * narrow to the region says so in its label (e.g. {@code （全服务）}). When {@code unitCode} is set
     * (a unit handler is looking), figures that cannot be narrowed to that unit are left out rather than
     * shown as the unit's. No data is a zero, not a missing figure.
     */
    List<Figure> figures(TicketStatistics.Scope scope);
}

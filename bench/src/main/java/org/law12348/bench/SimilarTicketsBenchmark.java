package org.law12348.bench;

import org.law12348.consultation.ConsultationService;
import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.SearchDocument;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SimilarAnsweredTickets;
import org.law12348.knowledge.evaluation.EvaluationSet;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.TicketIntake;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What "similar answered tickets" costs and finds on the consultant page. The product runs on
 * PostgreSQL with 300 answered consultation tickets (the newest-answers window it ranks): Q&A pairs of
 * the research corpus, asked as tickets and answered by the demo consultant. Then rewritten questions
 * (as a citizen would ask again, see {@link EvaluationSet}) of 100 of those pairs are looked up:
 * latency of one call for one claimed question and for a page of three, and how often the ticket the
 * rewritten question came from is among the three shown.
 */
final class SimilarTicketsBenchmark {

    private static final int ANSWERED = 300;
    private static final int ASKED_AGAIN = 100;
    private static final int WARM_UP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 10;

    private SimilarTicketsBenchmark() {
    }

    static Map<String, String> run(Path corpus) throws Exception {
        EvaluationSet set = EvaluationSet.load(corpus, ASKED_AGAIN, 12348L);
        try (ConfigurableApplicationContext app = Bench.start(Bench.freshDatabase("law12348_bench_similar"))) {
            Map<String, String> ticketOfPair = answerTickets(app, set);
            List<EvaluationSet.Query> asked = set.queries().stream()
                    .filter(q -> ticketOfPair.containsKey(q.expectedId())).toList();
            SimilarAnsweredTickets similar = app.getBean(SimilarAnsweredTickets.class);

            Latencies one = new Latencies();
            Latencies page = new Latencies();
            int found = 0;
            int first = 0;
            for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
                boolean measured = round >= WARM_UP_ROUNDS;
                for (int i = 0; i < asked.size(); i++) {
                    EvaluationSet.Query q = asked.get(i);
                    long start = System.nanoTime();
                    List<SearchHit> hits = similar.like(Map.of("asking", q.text()), 3).get("asking");
                    long micros = (System.nanoTime() - start) / 1000;
                    if (measured) {
                        one.add(micros);
                    }
                    if (round == 0) {
                        String expected = ticketOfPair.get(q.expectedId());
                        found += hits.stream().anyMatch(h -> h.id().equals(expected)) ? 1 : 0;
                        first += !hits.isEmpty() && hits.get(0).id().equals(expected) ? 1 : 0;
                    }
                    if (i % 3 == 2) {
                        Map<String, String> three = new LinkedHashMap<>();
                        for (int k = i - 2; k <= i; k++) {
                            three.put("asking-" + k, asked.get(k).text());
                        }
                        start = System.nanoTime();
                        similar.like(three, 3);
                        if (measured) {
                            page.add((System.nanoTime() - start) / 1000);
                        }
                    }
                }
            }
            Map<String, String> figures = new LinkedHashMap<>();
            String name = "similar answered tickets (" + ticketOfPair.size() + " answered, " + asked.size()
                    + " asked again)";
            figures.put(name + ", one question p50/p99 ms",
                    String.format("%.1f / %.1f", one.percentileMillis(50), one.percentileMillis(99)));
            figures.put(name + ", page of three questions p50/p99 ms",
                    String.format("%.1f / %.1f", page.percentileMillis(50), page.percentileMillis(99)));
            figures.put(name + ", own ticket among the three shown",
                    String.format("%.3f (first: %.3f)", (double) found / asked.size(), (double) first / asked.size()));
            return figures;
        }
    }

    /**
     * Asks and answers {@value #ANSWERED} pairs as consultation tickets: every pair a rewritten question
     * came from, and others drawn at random. Returns pair id to ticket number.
     */
    private static Map<String, String> answerTickets(ConfigurableApplicationContext app, EvaluationSet set) {
        TicketIntake intake = app.getBean(TicketIntake.class);
        ConsultationService consultation = app.getBean(ConsultationService.class);
        Set<String> wanted = set.queries().stream().map(EvaluationSet.Query::expectedId).collect(Collectors.toSet());
        Map<String, SearchDocument> pairs = new HashMap<>();
        set.documents().stream().filter(d -> d.type() == DocumentType.FAQ).forEach(d -> pairs.put(d.id(), d));
        List<SearchDocument> chosen = new ArrayList<>(wanted.stream().map(pairs::get).toList());
        List<SearchDocument> others = new ArrayList<>(pairs.values().stream()
                .filter(d -> !wanted.contains(d.id())).toList());
        others.sort((a, b) -> a.id().compareTo(b.id()));
        Collections.shuffle(others, new Random(12348L));
        chosen.addAll(others);
        Map<String, String> ticketOfPair = new LinkedHashMap<>();
        for (SearchDocument pair : chosen) {
            if (ticketOfPair.size() == ANSWERED) {
                break;
            }
            try {
                String number = intake.receive(IntakeRequest.fromWeb("similar-" + pair.id(), "LEGAL_CONSULTATION",
                        "440106", pair.title())).ticketNumber();
                String answer = pair.body().length() > 4000 ? pair.body().substring(0, 4000) : pair.body();
                consultation.answer(number, "consultant", answer, List.of());
                ticketOfPair.put(pair.id(), number);
            } catch (InvalidInputException tooShortOrOdd) {
                // a pair the product would not take as a question or an answer is simply not used
            }
        }
        return ticketOfPair;
    }
}

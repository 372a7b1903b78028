package org.law12348.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the ticket table with a synthetic history in one SQL statement per batch: tickets spread
 * over the 21 Guangdong cities, the nine business types, four channels, two years of creation
 * times, mostly closed, with the open remainder's deadlines around now.
 */
final class HistoryLoader {

    private static final Logger log = LoggerFactory.getLogger(HistoryLoader.class);
    private static final int BATCH = 100_000;

    private HistoryLoader() {
    }

    static void load(JdbcTemplate jdbc, int wanted) {
        long have = jdbc.queryForObject("select count(*) from ticket where number like 'BH%'", Long.class);
        long start = System.nanoTime();
        for (long from = have; from < wanted; from += BATCH) {
            long to = Math.min(wanted, from + BATCH);
            jdbc.update(INSERT, from + 1, to);
            log.info("Loaded {} tickets", to);
        }
        jdbc.execute("analyze ticket");
        log.info("History of {} tickets ready in {} s", wanted, (System.nanoTime() - start) / 1_000_000_000);
    }

    private static final String INSERT = """
            insert into ticket (id, version, number, kind, channel, channel_ref, contact_phone_hash, region_code,
                business_type, subject, text, status, handling_unit, routing_queue, created_at, due_at,
                first_answered_at, closed_at, escalated, handed_over, satisfaction, answer_accepted)
            select 5000000000 + g, 0, 'BH' || lpad(g::text, 12, '0'),
                case when g % 3 = 0 then 'CONSULTATION' else 'SERVICE_REQUEST' end,
                (array['PHONE','WEB','WECHAT','ALIPAY'])[1 + g % 4], 'bench-' || g,
                -- stands in for the phone's blind index: same width and spread, no key needed
                encode(sha256(('139' || lpad((g % 100000000)::text, 8, '0'))::bytea), 'hex'),
                c.city || '01',
                (array['LEGAL_CONSULTATION','LAWYER_SERVICE','NOTARIZATION','LEGAL_AID','MEDIATION',
                       'FORENSIC_APPRAISAL','ARBITRATION','LEGAL_EDUCATION','COMPLAINT'])[1 + g % 9],
                '基准测试工单', '基准测试工单内容',
                case when g % 20 = 0 then 'ROUTED' when g % 20 = 1 then 'IN_PROGRESS'
                     when g % 20 = 2 then 'ANSWERED' else 'CLOSED' end,
                case when g % 9 = 3 then 'GD-' || c.city || '-LEGAL-AID'
                     when g % 50 = 7 then 'GD-' || c.city || '-OUTSOURCED' else 'GD-' || c.city || '-12348' end,
                case when g % 20 = 0 and g % 3 = 0 then 'VOLUNTEER_POOL' else 'UNIT' end,
                now() - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute',
                case when g % 20 < 2 then now() + ((g % 97) - 48) * interval '1 hour'
                     else now() - (g % 730) * interval '1 day' + interval '72 hours' end,
                case when g % 20 >= 2 then now() - (g % 730) * interval '1 day' + (g % 50) * interval '1 hour' end,
                case when g % 20 >= 3 then now() - (g % 730) * interval '1 day' + interval '100 hours' end,
                g % 20 = 0 and g % 7 = 0, g % 50 = 7,
                case when g % 20 >= 2 and g % 4 = 0 then 1 + g % 5 end, false
            from generate_series(?::bigint, ?::bigint) g
            join (select row_number() over () - 1 as i, city from unnest(array['4401','4402','4403','4404','4405',
                '4406','4407','4408','4409','4412','4413','4414','4415','4416','4417','4418','4419','4420','4451',
                '4452','4453']) city) c on c.i = g % 21
            """;
}

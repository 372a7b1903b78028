package org.law12348.ticketing.internal.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.personaldata.privacy.PlaintextEncryption;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.internal.SubmissionKeys;
import org.law12348.ticketing.internal.SubmissionKeys.RequestParts;
import org.law12348.ticketing.internal.Submissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Tickets kept their channel reference (an Idempotency-Key, a call id, …) in clear, and any request
 * with a known key was answered the first ticket. This creates the submission ledger, fills it from
 * every ticket (the reference's keyed hash, and the fingerprint of the request as the ticket stores it,
 * so a retry of an old submission still matches unless staff changed its region or type since), puts
 * the hash in place of the clear reference and drops the ticket's unique key, which the ledger's
 * primary key replaces. Anonymised tickets get no fingerprint: nothing replays them.
 * <p>
 * Numbered after V4_93, which renames the mini-programs' image folders while the clear references
 * are still there. A Spring bean, so it runs with the configured blind-index key.
 */
@Component
class V5_10__Hash_channel_references extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V5_10__Hash_channel_references.class);
    private static final int BATCH = 500;

    private final SubmissionKeys keys;
    private final PersonalDataCipher cipher;

    V5_10__Hash_channel_references(SubmissionKeys keys, PersonalDataCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        PlaintextEncryption.execute(connection, """
                create table intake_submission (
                    reference_hash varchar(64) primary key,
                    request_hash   varchar(64) not null,
                    ticket_id      bigint      not null
                )""");
        int rows = hashReferences(connection);
        PlaintextEncryption.execute(connection, "alter table ticket drop constraint ticket_channel_ref_unique");
        log.info("Hashed the channel references of {} existing tickets into the submission ledger", rows);
    }

    private int hashReferences(Connection connection) throws SQLException {
        String select = """
                select id, channel, channel_ref, kind, business_type, region_code, subject, text, contact_name,
                    contact_phone_enc, contact_id_number_enc, wechat_openid_enc, alipay_user_id_enc, anonymised_at
                from ticket where id > ? order by id fetch first %d rows only""".formatted(BATCH);
        int done = 0;
        long after = Long.MIN_VALUE;
        try (PreparedStatement read = connection.prepareStatement(select);
             PreparedStatement ledger = connection.prepareStatement(
                     "insert into intake_submission (reference_hash, request_hash, ticket_id) values (?, ?, ?)");
             PreparedStatement ticket = connection.prepareStatement("update ticket set channel_ref = ? where id = ?")) {
            while (true) {
                read.setLong(1, after);
                int batch = 0;
                try (ResultSet row = read.executeQuery()) {
                    while (row.next()) {
                        after = row.getLong("id");
                        Channel channel = Channel.valueOf(row.getString("channel"));
                        String reference = keys.reference(channel, row.getString("channel_ref"));
                        String fingerprint = row.getTimestamp("anonymised_at") != null ? Submissions.ANONYMISED
                                : keys.fingerprint(new RequestParts(channel, row.getString("kind"),
                                row.getString("business_type"), row.getString("region_code"), row.getString("subject"),
                                row.getString("text"), row.getString("contact_name"),
                                cipher.decrypt(row.getString("contact_phone_enc")),
                                cipher.decrypt(row.getString("contact_id_number_enc")),
                                cipher.decrypt(row.getString("wechat_openid_enc")),
                                cipher.decrypt(row.getString("alipay_user_id_enc"))));
                        ledger.setString(1, reference);
                        ledger.setString(2, fingerprint);
                        ledger.setLong(3, after);
                        ledger.addBatch();
                        ticket.setString(1, reference);
                        ticket.setLong(2, after);
                        ticket.addBatch();
                        batch++;
                    }
                }
                if (batch == 0) {
                    return done;
                }
                ledger.executeBatch();
                ticket.executeBatch();
                done += batch;
            }
        }
    }
}

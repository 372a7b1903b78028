package org.law12348.miniapp.internal.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.law12348.miniapp.internal.tickets.TicketImages;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.ChannelReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Image folders were named after the mini-program ticket's clear channel reference; ticketing's
 * V5_10 replaces that reference with its keyed hash, after which the folders are found by the hash.
 * This runs first (4.93 before 5.10) and moves each folder to its new name while the clear reference
 * is still there to find it. The ticket text of such a ticket still names the old folder.
 * Idempotent: a folder already moved, or a reference already hashed, moves nothing.
 */
@Component
class V4_93__Image_folders_by_hashed_reference extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V4_93__Image_folders_by_hashed_reference.class);

    private final TicketImages images;
    private final ChannelReferences keys;

    V4_93__Image_folders_by_hashed_reference(TicketImages images, ChannelReferences keys) {
        this.images = images;
        this.keys = keys;
    }

    @Override
    public void migrate(Context context) throws Exception {
        int moved = 0;
        try (PreparedStatement select = context.getConnection().prepareStatement(
                "select channel, channel_ref from ticket where channel in ('WECHAT', 'ALIPAY')");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String clear = rows.getString(2);
                if (images.moveFolder(clear, keys.reference(Channel.valueOf(rows.getString(1)), clear))) {
                    moved++;
                }
            }
        }
        log.info("Moved {} mini-program image folders to the names of their hashed references", moved);
    }
}

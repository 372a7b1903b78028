package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Makes the audit table append-only in the database itself on PostgreSQL: a trigger refuses every
 * UPDATE and DELETE (and TRUNCATE), whoever connects. H2, the embedded default, has no PL/pgSQL;
 * there the product's lack of any update path is the only guard, which is acceptable for a demo
 * database and is why this is a Java migration that looks at the database first.
 */
public class V1_96__AuditAppendOnlyOnPostgres extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    create or replace function audit_entry_refuse_change() returns trigger as $$
                    begin
                        raise exception 'audit_entry is append-only: % refused', tg_op
                            using errcode = 'insufficient_privilege';
                    end
                    $$ language plpgsql""");
            sql.execute("""
                    create trigger audit_entry_append_only before update or delete on audit_entry
                    for each row execute function audit_entry_refuse_change()""");
            sql.execute("""
                    create trigger audit_entry_no_truncate before truncate on audit_entry
                    for each statement execute function audit_entry_refuse_change()""");
        }
    }
}

package db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the breakdown every assessment held into {@code score_breakdown} (V12) and points the assessment at it.
 * In Java because the breakdown's digest is a SHA-256 of its text, which the two databases spell differently
 * in SQL. Self-contained on purpose: a migration must keep doing what it did whatever the code becomes.
 * <p>
 * Ids come from {@code score_breakdown_seq} in blocks of 50, {@code [value, value + 49]}, as the service's own
 * inserts take them (Hibernate's pooled-lo optimizer), so the service goes on inserting without collisions.
 */
public class V13__ScoreBreakdownsOfExistingAssessments extends BaseJavaMigration {

    private static final int BLOCK = 50;
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (Statement select = c.createStatement();
                ResultSet assessments = select.executeQuery("select id, breakdown, computed_at from assessment order by id");
                PreparedStatement next = c.prepareStatement("select nextval('score_breakdown_seq')");
                PreparedStatement insert = c.prepareStatement(
                        "insert into score_breakdown (id, digest, body, created_at) values (?, ?, ?, ?)");
                PreparedStatement refer = c.prepareStatement("update assessment set breakdown_id = ? where id = ?")) {
            long block = 0;
            int count = 0;
            while (assessments.next()) {
                if (count % BLOCK == 0) {
                    try (ResultSet value = next.executeQuery()) {
                        value.next();
                        block = value.getLong(1);
                    }
                }
                long id = block + count % BLOCK;
                String body = assessments.getString(2);
                insert.setLong(1, id);
                insert.setString(2, HexFormat.of().formatHex(sha256.digest(body.getBytes(StandardCharsets.UTF_8))));
                insert.setString(3, body);
                insert.setObject(4, assessments.getObject(3, OffsetDateTime.class));
                insert.addBatch();
                refer.setLong(1, id);
                refer.setLong(2, assessments.getLong(1));
                refer.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                    refer.executeBatch();
                }
            }
            insert.executeBatch();
            refer.executeBatch();
        }
    }
}

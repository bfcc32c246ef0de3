package dev.orion.store.jdbc;

import dev.orion.check.Grade;
import dev.orion.check.Verdict;
import dev.orion.store.ResourceRef;
import dev.orion.store.StoreArguments;
import dev.orion.store.VerdictRecord;
import dev.orion.store.VerdictStore;
import dev.orion.store.internal.StoreIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

final class JdbcVerdictStore implements VerdictStore {

    private static final String SELECT = "SELECT id, evaluation_id, subject_type, subject_id, check_name, grade, reasons_json,"
            + " created_at FROM check_verdicts";
    private final View v;

    JdbcVerdictStore(View v) {
        this.v = v;
    }

    private static VerdictRecord map(ResultSet rs) throws SQLException {
        Verdict verdict = new Verdict(rs.getString("check_name"), Grade.valueOf(rs.getString("grade")),
                JsonColumns.stringList(rs.getString("reasons_json")));
        return new VerdictRecord(rs.getString("id"), rs.getString("evaluation_id"),
                ResourceRef.of(rs.getString("subject_type"), rs.getString("subject_id")), verdict, Columns.instant(rs, "created_at"));
    }

    @Override
    public VerdictRecord record(String evaluationId, ResourceRef subject, Verdict verdict) {
        StoreArguments.text("evaluationId", evaluationId, MAX_EVALUATION_ID_LENGTH);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verdict, "verdict");
        return v.tx("record verdict", c -> {
            Instant now = v.now();
            VerdictRecord r = new VerdictRecord(StoreIds.newId(), evaluationId, subject, verdict, now);
            Queries.update(c, "INSERT INTO check_verdicts (tenant_id, id, evaluation_id, subject_type, subject_id, check_name,"
                            + " grade, reasons_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    v.t(), r.id(), evaluationId, subject.type(), subject.id(), verdict.check(), verdict.grade().name(),
                    JsonColumns.write(verdict.reasons()), now);
            v.audit(c, now, "record", "verdict", r.id(), Map.of("evaluation", evaluationId, "subject", subject.toString(),
                    "check", verdict.check(), "grade", verdict.grade().name()));
            return r;
        });
    }

    @Override
    public List<VerdictRecord> forEvaluation(String evaluationId) {
        Objects.requireNonNull(evaluationId, "evaluationId");
        return v.tx("read verdicts", c -> Queries.list(c, SELECT + " WHERE tenant_id = ? AND evaluation_id = ? ORDER BY seq",
                List.of(v.t(), evaluationId), JdbcVerdictStore::map));
    }

    @Override
    public List<VerdictRecord> forSubject(ResourceRef subject) {
        Objects.requireNonNull(subject, "subject");
        return v.tx("read verdicts", c -> Queries.list(c, SELECT + " WHERE tenant_id = ? AND subject_type = ? AND subject_id = ?"
                + " ORDER BY seq", List.of(v.t(), subject.type(), subject.id()), JdbcVerdictStore::map));
    }
}

package dev.orion.store.memory;

import dev.orion.check.Verdict;
import dev.orion.store.ResourceRef;
import dev.orion.store.StoreArguments;
import dev.orion.store.VerdictRecord;
import dev.orion.store.VerdictStore;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.Principal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

final class MemoryVerdictStore implements VerdictStore {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryVerdictStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public VerdictRecord record(String evaluationId, ResourceRef subject, Verdict verdict) {
        StoreArguments.text("evaluationId", evaluationId, MAX_EVALUATION_ID_LENGTH);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verdict, "verdict");
        synchronized (t) {
            VerdictRecord r = new VerdictRecord(StoreIds.newId(), evaluationId, subject, verdict, t.clock.instant());
            t.verdicts.add(new Seq<>(t.nextSeq(), r));
            t.audit(actor, "record", "verdict", r.id(), Map.of("evaluation", evaluationId, "subject", subject.toString(),
                    "check", verdict.check(), "grade", verdict.grade().name()));
            return r;
        }
    }

    @Override
    public List<VerdictRecord> forEvaluation(String evaluationId) {
        Objects.requireNonNull(evaluationId, "evaluationId");
        return select(r -> r.evaluationId().equals(evaluationId));
    }

    @Override
    public List<VerdictRecord> forSubject(ResourceRef subject) {
        Objects.requireNonNull(subject, "subject");
        return select(r -> r.subject().equals(subject));
    }

    private List<VerdictRecord> select(Predicate<VerdictRecord> test) {
        synchronized (t) {
            return t.verdicts.stream().map(Seq::value).filter(test).toList();
        }
    }
}

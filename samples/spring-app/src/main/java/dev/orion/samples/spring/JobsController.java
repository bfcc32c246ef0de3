package dev.orion.samples.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.core.OrionTenant;
import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Potential;
import dev.orion.store.JobFilter;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.NotFoundException;
import dev.orion.store.ResourceRef;
import dev.orion.structure.Element;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Submit simulations of stored structures as jobs, follow them to their end, cancel them. */
@RestController
@RequestMapping("/api/jobs")
@Tag(name = "jobs", description = "simulation jobs (scopes jobs:read, jobs:write)")
class JobsController {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final ObjectMapper json;

    JobsController(ObjectMapper json) {
        this.json = json;
    }

    /**
     * What to compute.
     *
     * @param structureId a stored structure of the tenant
     * @param calculation {@code single-point} or {@code relax}
     * @param engine      the engine, default {@code orion-eam}
     * @param potential   the EAM potential file in the engine's potential folder, default {@code CuNi.eam.alloy}
     * @param elements    the potential's elements in its file's order, default {@code [Cu, Ni]}
     */
    record JobSubmission(String structureId, Optional<String> calculation, Optional<String> engine,
                         Optional<String> potential, Optional<List<String>> elements) {
    }

    /**
     * A job as the API shows it.
     *
     * @param id          the job's id
     * @param engine      the engine
     * @param executor    the executor
     * @param status      its state
     * @param structureId the structure it computes
     * @param error       why it failed, when it did
     * @param result      the engine's result (energy in eV, forces, ...), once it succeeded
     * @param createdAt   when it was submitted
     * @param startedAt   when it started
     * @param finishedAt  when it ended
     */
    record JobView(String id, String engine, String executor, JobStatus status, Optional<String> structureId,
                   Optional<String> error, Optional<JsonNode> result, Instant createdAt, Optional<Instant> startedAt,
                   Optional<Instant> finishedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a calculation of a stored structure (EAM single point or relaxation)")
    JobView submit(OrionTenant tenant, @RequestBody JobSubmission body) {
        if (body.structureId() == null) {
            throw new IllegalArgumentException("structureId is required");
        }
        var structure = StructuresController.find(tenant, body.structureId());
        String file = body.potential().orElse("CuNi.eam.alloy");
        if (!FILE_NAME.matcher(file).matches()) {
            throw new IllegalArgumentException("potential must be a file name in the engine's potential folder, was '" + file + "'");
        }
        Element[] elements = body.elements().orElse(List.of("Cu", "Ni")).stream().map(Element::of).toArray(Element[]::new);
        Potential potential = Potential.eamAlloy(Path.of(file), elements);
        String kind = body.calculation().orElse("single-point").toLowerCase(Locale.ROOT);
        AtomisticCalculation calculation = switch (kind) {
            case "single-point" -> Calculation.singlePoint(structure.structure());
            case "relax" -> Calculation.relax(structure.structure());
            default -> throw new IllegalArgumentException("calculation must be single-point or relax, was '" + kind + "'");
        };
        JobRecord job = tenant.jobs().submit(JobRequest.of(calculation.with(potential), body.engine().orElse("orion-eam")));
        tenant.provenance().link(ResourceRef.of("job", job.id()), "computes", ResourceRef.of("structure", structure.id()));
        return view(job);
    }

    @GetMapping
    @Operation(summary = "List jobs, newest first, optionally in some states")
    Paging.PageBody<JobView> list(OrionTenant tenant, @RequestParam Optional<List<JobStatus>> status,
                                  @RequestParam(defaultValue = "50") int limit, @RequestParam Optional<String> cursor) {
        JobFilter filter = status.filter(s -> !s.isEmpty()).map(s -> JobFilter.all().withStatus(s.toArray(JobStatus[]::new)))
                .orElse(JobFilter.all());
        return Paging.body(tenant.jobs().query(filter, Paging.request(limit, cursor)), this::view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Follow a job: its state now, or after waiting up to waitSeconds (at most 60) for it to end")
    JobView get(OrionTenant tenant, @PathVariable String id,
                @Parameter(description = "seconds to wait for the job to end") @RequestParam(defaultValue = "0") int waitSeconds)
            throws InterruptedException {
        JobRecord job = find(tenant, id);
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT.toSeconds()) {
            throw new IllegalArgumentException("waitSeconds must be 0.." + MAX_WAIT.toSeconds() + ", was " + waitSeconds);
        }
        if (waitSeconds > 0 && !job.status().isTerminal()) {
            job = tenant.jobs().await(id, Duration.ofSeconds(waitSeconds)).orElseGet(() -> find(tenant, id));
        }
        return view(job);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a job (a job that has ended is returned unchanged)")
    JobView cancel(OrionTenant tenant, @PathVariable String id) {
        find(tenant, id);
        return view(tenant.jobs().cancel(id));
    }

    private static JobRecord find(OrionTenant tenant, String id) {
        return tenant.jobs().job(id).orElseThrow(() -> new NotFoundException("job", id));
    }

    private JobView view(JobRecord j) {
        return new JobView(j.id(), j.engine(), j.executor(), j.status(), j.structureId(), j.error(),
                j.resultJson().map(this::tree), j.createdAt(), j.startedAt(), j.finishedAt());
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored job result is not JSON", e);
        }
    }
}

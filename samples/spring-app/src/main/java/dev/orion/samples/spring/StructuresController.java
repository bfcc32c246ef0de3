package dev.orion.samples.spring;

import dev.orion.core.OrionTenant;
import dev.orion.io.Structures;
import dev.orion.store.NewStructure;
import dev.orion.store.NotFoundException;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload, list, read, download and delete the tenant's crystal structures. */
@RestController
@RequestMapping("/api/structures")
@Tag(name = "structures", description = "crystal structures (scopes structures:read, structures:write)")
class StructuresController {

    /**
     * A stored structure as the API shows it.
     *
     * @param id          the store's id
     * @param name        the name given on upload
     * @param formula     the reduced formula
     * @param sites       how many sites
     * @param spaceGroup  the space-group number, when symmetry analysis found one
     * @param volume      the cell volume in Å³
     * @param tags        the tags
     * @param createdAt   when it was stored
     */
    record StructureView(String id, String name, String formula, int sites, Optional<Integer> spaceGroup,
                         double volume, List<String> tags, Instant createdAt) {
        static StructureView of(StructureRecord r) {
            return new StructureView(r.id(), r.name(), r.reducedFormula(), r.nsites(),
                    r.spaceGroup().isPresent() ? Optional.of(r.spaceGroup().getAsInt()) : Optional.empty(),
                    r.structure().lattice().volume(), r.tags().stream().sorted().toList(), r.createdAt());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a structure file (CIF, POSCAR, XYZ, extended XYZ, LAMMPS data, pw.x input, ORION JSON);"
            + " the format is told from the file name and content")
    StructureView upload(OrionTenant tenant, @RequestPart("file") MultipartFile file,
                         @RequestParam Optional<String> name) throws IOException {
        String fileName = Optional.ofNullable(file.getOriginalFilename()).filter(n -> !n.isBlank()).orElse("upload");
        Structure structure;
        try (InputStream in = file.getInputStream()) {
            structure = Structures.read(in, fileName);
        }
        return StructureView.of(tenant.structures().save(NewStructure.of(name.orElse(fileName), structure)));
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a structure as text; fileName tells its format (e.g. Cu.cif, POSCAR)")
    StructureView uploadText(OrionTenant tenant, @org.springframework.web.bind.annotation.RequestBody String text,
                             @RequestParam String fileName, @RequestParam Optional<String> name) {
        Structure structure = Structures.read(text, fileName);
        return StructureView.of(tenant.structures().save(NewStructure.of(name.orElse(fileName), structure)));
    }

    @GetMapping
    @Operation(summary = "List structures, newest first, optionally with a reduced formula or required elements")
    Paging.PageBody<StructureView> list(OrionTenant tenant, @RequestParam Optional<String> formula,
                                        @Parameter(description = "element symbols, e.g. Cu,Ni")
                                        @RequestParam Optional<List<String>> elements,
                                        @RequestParam(defaultValue = "50") int limit, @RequestParam Optional<String> cursor) {
        StructureFilter filter = StructureFilter.all();
        if (formula.isPresent()) {
            filter = filter.withReducedFormula(formula.get());
        }
        if (elements.isPresent() && !elements.get().isEmpty()) {
            filter = filter.withElements(elements.get().toArray(String[]::new));
        }
        return Paging.body(tenant.structures().query(filter, Paging.request(limit, cursor)), StructureView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One structure")
    StructureView get(OrionTenant tenant, @PathVariable String id) {
        return StructureView.of(find(tenant, id));
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "Download a structure in a format (cif, poscar, xyz, extxyz, lammps_data, json)")
    ResponseEntity<String> download(OrionTenant tenant, @PathVariable String id,
                                    @RequestParam(defaultValue = "cif") String format) {
        StructureFormat f;
        try {
            f = StructureFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be one of " + List.of(StructureFormat.values()) + ", was '"
                    + format + "'", e);
        }
        StructureRecord r = find(tenant, id);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header("Content-Disposition", "attachment; filename=\"" + r.id() + "." + f.name().toLowerCase(Locale.ROOT) + "\"")
                .body(Structures.write(r.structure(), f));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a structure")
    ResponseEntity<Map<String, String>> delete(OrionTenant tenant, @PathVariable String id) {
        if (!tenant.structures().delete(id)) {
            throw new NotFoundException("structure", id);
        }
        return ResponseEntity.status(HttpStatus.OK).body(Map.of("deleted", id));
    }

    static StructureRecord find(OrionTenant tenant, String id) {
        return tenant.structures().find(id).orElseThrow(() -> new NotFoundException("structure", id));
    }
}

package dev.orion.samples.store;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.store.AuditFilter;
import dev.orion.store.AuditStats;
import dev.orion.store.ApiKeyCheck;
import dev.orion.store.IssuedApiKey;
import dev.orion.store.NewApiKey;
import dev.orion.store.NewStructure;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.tenant.Principal;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Opens the embedded store (an H2 file under {@code ./orion-data}, created on first run), works
 * through one tenant's view, and queries and exports the audit trail that the work left behind.
 *
 * <p>Run: {@code ./mvnw -q -pl samples -am package -DskipTests} and then
 * {@code java -cp "samples/target/classes:$(cat samples/target/cp.txt)" dev.orion.samples.store.EmbeddedStoreSample}
 * (see docs/persistence.md), or from an IDE.
 */
public final class EmbeddedStoreSample {

    private EmbeddedStoreSample() {
    }

    /** Rock salt, conventional cell: Na at the fcc sites, Cl shifted by half a cell edge. */
    private static Structure rockSalt() {
        StructureBuilder b = Structure.builder().lattice(Lattice.cubic(5.64));
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (double[] p : fcc) {
            b.addSite(Element.Na, p[0], p[1], p[2]).addSite(Element.Cl, (p[0] + 0.5) % 1, p[1], p[2]);
        }
        return b.build();
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "orion-data");
        try (Orion orion = Orion.builder().store(Stores.embedded(data)).build()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"), Principal.user("alice"));

            StructureRecord nacl = acme.structures().save(NewStructure.of("rock salt", rockSalt())
                    .inProject(ProjectId.of("halides")).withTags(Set.of("ionic")).withProperties(Map.of("band_gap_eV", 5.0)));
            System.out.println("stored " + nacl.reducedFormula() + ", " + nacl.nsites() + " sites, space group "
                    + nacl.spaceGroup().orElseThrow() + "; Na-Cl halides of acme: "
                    + acme.structures().count(StructureFilter.all().withOnlyElements("Na", "Cl").withSpaceGroup(225)));
            acme.structures().putProperties(nacl.id(), Map.of("energy_eV", -27.3));
            acme.structures().retag(nacl.id(), Set.of("relaxed"), Set.of());
            acme.audit().record("review", "structure", nacl.id(), Map.of("verdict", "looks right"));

            IssuedApiKey key = acme.apiKeys().issue(NewApiKey.of("notebook", "structures:read"));
            System.out.println("issued " + key + " (the key text is shown once, to its owner only)");
            ApiKeyCheck check = orion.authenticate(key.secret(), "structures:read");
            System.out.println("key accepted for structures:read: " + check.accepted());

            OrionTenant globex = orion.tenant(TenantId.of("globex"), Principal.user("bob"));
            System.out.println("acme structures: " + acme.structures().count(StructureFilter.all())
                    + ", visible to globex: " + globex.structures().find(nacl.id()).isPresent());

            System.out.println("\nacme's audit trail, newest first:");
            acme.audit().query(AuditFilter.all(), PageRequest.first(5).newestFirst()).items().forEach(e ->
                    System.out.printf("  %s  %-12s %-9s %-10s %s%n", e.time(), e.actor(), e.action(), e.resourceType(), e.resourceId()));
            AuditStats stats = acme.audit().stats(AuditFilter.all());
            System.out.println("counts by action: " + stats.byAction());

            System.out.println("\nCSV export of alice's structure events:");
            PrintWriter out = new PrintWriter(System.out, true);
            acme.audit().exportCsv(AuditFilter.all().withActor(Principal.user("alice")).withResourceType("structure"), out);
            out.flush();
        }
    }
}

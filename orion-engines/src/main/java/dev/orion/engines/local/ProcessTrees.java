package dev.orion.engines.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops a process and everything it started. The descendants are listed before anything is
 * signalled, because once a parent dies its children are re-parented and no longer show up as its
 * descendants (LAMMPS's OpenMPI build forks an {@code orted} that way).
 */
final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * Sends SIGTERM to the tree, waits up to {@code grace}, then SIGKILLs what is left.
     *
     * @return whether every process of the tree is gone
     */
    static boolean kill(ProcessHandle root, Duration grace) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(root);
        collect(root, tree);
        for (ProcessHandle p : tree) {
            p.destroy();
        }
        // children forked while we were signalling
        List<ProcessHandle> late = new ArrayList<>();
        for (ProcessHandle p : List.copyOf(tree)) {
            p.descendants().forEach(late::add);
        }
        tree.addAll(late);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                p.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        return tree.stream().noneMatch(ProcessHandle::isAlive);
    }

    private static void collect(ProcessHandle p, Set<ProcessHandle> into) {
        p.descendants().forEach(into::add);
    }
}

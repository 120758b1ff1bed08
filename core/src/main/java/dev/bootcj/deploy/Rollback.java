package dev.bootcj.deploy;

import dev.bootcj.BootcException;
import dev.bootcj.SysrootException;
import dev.bootcj.ostree.Deployment;
import dev.bootcj.status.HostStatusReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bootc rollback}: makes the rollback deployment the default and the booted one the rollback, by
 * rewriting the deployment order. A staged deployment is discarded (and the administrator is told so). Run
 * again while a rollback is queued, it restores the previous order.
 */
public final class Rollback {
    private Rollback() {
    }

    /** Rolls back; returns true if the rollback is now queued, false if a queued rollback was reverted. */
    public static boolean run(BootcSysroot host, Reporter out) throws IOException, BootcException {
        List<Deployment> all = host.ostree().deployments();
        Deployment booted = host.booted().orElseThrow(() -> new SysrootException("No deployments in "
                + host.ostree().path()));
        Deployment staged = all.stream().filter(Deployment::staged).findFirst().orElse(null);
        List<Deployment> related = all.stream()
                .filter(d -> d.osname().equals(booted.osname()) && !d.staged() && !d.id().equals(booted.id()))
                .toList();
        if (related.isEmpty()) {
            throw new SysrootException("No rollback available");
        }
        Deployment rollback = related.getFirst();
        if (rollback.originValue("origin", HostStatusReader.ORIGIN_CONTAINER).isEmpty()) {
            throw new SysrootException("Rollback is not container image based");
        }
        boolean queued = rollback.index() < booted.index();
        List<Deployment> order = new ArrayList<>();
        order.add(queued ? booted : rollback);
        order.add(queued ? rollback : booted);
        for (Deployment d : all) {
            if (!d.staged() && !d.id().equals(booted.id()) && !d.id().equals(rollback.id())) {
                order.add(d);
            }
        }
        if (staged != null) {
            out.line("Discarding the staged deployment " + staged.id() + " ("
                    + staged.originValue("origin", HostStatusReader.ORIGIN_CONTAINER).orElse("no image") + ")");
        }
        host.ostree().writeDeployments(order);
        host.touchStatusStamp();
        if (queued) {
            out.line("notice: Reverting queued rollback state");
            out.line("Next boot: current deployment");
        } else {
            out.line("Next boot: rollback deployment");
        }
        return !queued;
    }
}

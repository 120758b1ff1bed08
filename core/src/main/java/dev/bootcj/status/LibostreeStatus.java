package dev.bootcj.status;

import dev.bootcj.GLibException;
import dev.bootcj.SysrootException;
import dev.bootcj.ostree.Deployment;
import dev.bootcj.ostree.NotASysrootException;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.OstreeSysroot;
import dev.bootcj.spec.Host;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Status through libostree, for callers that hold an {@link OstreeSysroot} already. Kept apart from {@link
 * HostStatusReader} so that reading status from disk never loads (or even verifies against) the libostree
 * classes.
 */
final class LibostreeStatus {
    private LibostreeStatus() {
    }

    /** Opens the sysroot at {@code path} (without its lock) and reads it. */
    static Host read(Path path) throws GLibException, SysrootException {
        try (OstreeSysroot sysroot = OstreeSysroot.open(path)) {
            return read(sysroot);
        } catch (NotASysrootException e) {
            throw new SysrootException(e.getMessage(), e);
        }
    }

    static Host read(OstreeSysroot sysroot) throws GLibException, SysrootException {
        List<StatusDeployment> all = new ArrayList<>();
        for (Deployment d : sysroot.deployments()) {
            all.add(new StatusDeployment(d.index(), d.osname(), d.checksum(), d.deploySerial(), d.origin(), d.pinned(),
                    d.staged(), d.booted()));
        }
        try (OstreeRepo repo = sysroot.repo()) {
            return HostStatusReader.build(all, sysroot.isBooted(), new HostStatusReader.CommitSource<GLibException>() {
                @Override
                public Map<String, Object> metadata(String checksum) throws GLibException {
                    return repo.loadCommit(checksum).metadata();
                }

                @Override
                public Map<String, Object> detachedMetadata(String checksum) throws GLibException {
                    return repo.detachedMetadata(checksum);
                }
            });
        }
    }
}

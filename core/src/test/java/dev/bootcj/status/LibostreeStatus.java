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
 * The test oracle for {@link HostStatusReader}: the host document built from libostree's view of a sysroot (its
 * deployment list, booted and staged flags, origins and commit metadata) instead of the sysroot's files. The
 * product reads the files only; a test that builds a sysroot with libostree asserts both documents are equal.
 * {@snippet :
 * try (OstreeSysroot sysroot = OstreeSysroot.open(root)) {
 *     assertEquals(LibostreeStatus.read(sysroot), HostStatusReader.readWithoutLock(root));
 * }
 * }
 */
final class LibostreeStatus {
    private LibostreeStatus() {
    }

    /** The host document of {@code sysroot} as libostree has loaded it. */
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

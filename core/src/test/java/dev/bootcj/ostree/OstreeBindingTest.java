package dev.bootcj.ostree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.GLibException;
import dev.bootcj.deploy.Interrupts;
import dev.bootcj.testing.BindingAssert;
import dev.bootcj.testing.SysrootFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libostree through FFM against real repos and sysroots made by the ostree CLI. */
class OstreeBindingTest {
    @TempDir
    Path tmp;

    @Test
    void descriptorsMatchHeader() throws Exception {
        BindingAssert.assertMatchesHeader(LibOstree.class, "ostree-bound.h");
    }

    @Test
    void structLayoutsMatchC() {
        BindingAssert.assertLayout(Structs.DEPLOY_TREE_OPTS, "ostree-bound.h", "OstreeSysrootDeployTreeOpts",
                tmp.resolve("deploy"));
        BindingAssert.assertLayout(Structs.WRITE_DEPLOYMENTS_OPTS, "ostree-bound.h",
                "OstreeSysrootWriteDeploymentsOpts", tmp.resolve("write"));
        BindingAssert.assertLayout(Structs.CHECKOUT_AT_OPTIONS, "ostree-bound.h", "OstreeRepoCheckoutAtOptions",
                tmp.resolve("checkout"));
        BindingAssert.assertLayout(Structs.TRANSACTION_STATS, "ostree-bound.h", "OstreeRepoTransactionStats",
                tmp.resolve("stats"));
    }

    @Test
    void anInterruptedThreadCancelsLongCalls() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String c = s.commit("test/one", Map.of("version", "1"), Map.of());
        try (OstreeRepo repo = OstreeRepo.open(s.repo())) {
            // What the shell's Ctrl-C handler does; the GCancellable reaches libostree, which stops the checkout.
            Interrupts.interrupt(Thread.currentThread());
            GLibException e;
            try {
                e = assertThrows(GLibException.class, () -> repo.checkoutSubpath(c, "/", tmp.resolve("out")));
            } finally {
                Thread.interrupted();
            }
            assertTrue(e.isCancelled(), e.domain() + ":" + e.code() + " " + e.getMessage());
            assertEquals("checking out / of " + c + ": Operation was cancelled", e.getMessage());
            // Without the interrupt the same call succeeds.
            assertTrue(repo.checkoutSubpath(c, "/", tmp.resolve("out2")));
        }
    }

    @Test
    void createsOpensAndResolves() throws Exception {
        Path path = tmp.resolve("repo");
        try (OstreeRepo repo = OstreeRepo.create(path, RepoMode.BARE_USER_ONLY)) {
            assertEquals(RepoMode.BARE_USER_ONLY, repo.mode());
        }
        try (OstreeRepo repo = OstreeRepo.open(path)) {
            assertEquals(Optional.empty(), repo.resolveRev("no/such/ref", true));
            GLibException e = assertThrows(GLibException.class, () -> repo.resolveRev("no/such/ref", false));
            assertTrue(e.isNotFound(), e.domain() + ":" + e.code());
            assertTrue(e.getMessage().contains("Refspec 'no/such/ref' not found"), e.getMessage());
        }
        GLibException missing = assertThrows(GLibException.class, () -> OstreeRepo.open(tmp.resolve("none")));
        assertTrue(missing.getMessage().startsWith("opening ostree repository " + tmp.resolve("none")), missing.getMessage());
    }

    @Test
    void readsCommitsRefsAndDeployments() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String c = s.commit("test/one", Map.of("version", "7.1"), Map.of());
        s.deploy(c, "[origin]\ncontainer-image-reference=ostree-unverified-registry:example.com/os:1\n", "quiet");
        try (OstreeRepo repo = OstreeRepo.open(s.repo())) {
            assertEquals(c, repo.resolveRev("test/one", false).orElseThrow());
            assertEquals(c, repo.listRefs("test").get("test/one"));
            Commit commit = repo.loadCommit(c);
            assertEquals(Optional.of("7.1"), commit.metadataString("version"));
            assertEquals(null, commit.parent());
            assertEquals("2024-01-01T00:00:00Z", commit.timestamp().toString());
        }
        try (OstreeSysroot sysroot = OstreeSysroot.open(s.root())) {
            List<Deployment> ds = sysroot.deployments();
            assertEquals(1, ds.size());
            Deployment d = ds.getFirst();
            assertEquals(c, d.checksum());
            assertEquals("testos", d.osname());
            assertEquals(0, d.index());
            assertEquals(Optional.of("ostree-unverified-registry:example.com/os:1"),
                    d.originValue("origin", "container-image-reference"));
            assertTrue(d.kernelArguments().startsWith("quiet ostree=/ostree/boot."), d.kernelArguments());
            assertTrue(!d.booted() && !d.staged() && !sysroot.isBooted());
            assertTrue(sysroot.tryLock());
            sysroot.unlock();
        }
    }
}

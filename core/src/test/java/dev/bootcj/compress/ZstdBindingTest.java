package dev.bootcj.compress;

import dev.bootcj.testing.BindingAssert;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The libzstd binding against {@code zstd-bound.h}: descriptors and the buffer structs we allocate. */
class ZstdBindingTest {
    @TempDir
    Path tmp;

    @Test
    void descriptorsMatchHeader() throws Exception {
        BindingAssert.assertMatchesHeader(LibZstd.class, "zstd-bound.h");
    }

    @Test
    void structLayoutsMatchC() {
        BindingAssert.assertLayout(ZstdInputStream.IN_BUFFER, "zstd-bound.h", "ZSTD_inBuffer", tmp.resolve("in"));
        BindingAssert.assertLayout(ZstdInputStream.OUT_BUFFER, "zstd-bound.h", "ZSTD_outBuffer", tmp.resolve("out"));
    }
}

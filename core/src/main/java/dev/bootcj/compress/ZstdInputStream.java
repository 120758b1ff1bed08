package dev.bootcj.compress;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * zstd decompression through libzstd's streaming API ({@code ZSTD_decompressStream}). Native memory (the
 * {@code ZSTD_DStream}, one input and one output buffer) is allocated once per stream and released by
 * {@link #close()}. Several concatenated frames decode as one stream, like {@code zstd -dc}. Input that ends
 * inside a frame is reported as {@link EOFException}; corrupt input as an {@link IOException} naming
 * libzstd's error.
 *
 * <p>Not thread-safe; the stream may be handed from one thread to another (the buffers live in an automatic
 * arena, so reading is not confined to the creating thread).
 */
@SuppressWarnings("restricted")
public final class ZstdInputStream extends InputStream {
    /** {@code ZSTD_inBuffer { const void *src; size_t size; size_t pos; }}. */
    static final StructLayout IN_BUFFER = MemoryLayout.structLayout(
            ADDRESS.withName("src"), JAVA_LONG.withName("size"), JAVA_LONG.withName("pos"));
    /** {@code ZSTD_outBuffer { void *dst; size_t size; size_t pos; }}. */
    static final StructLayout OUT_BUFFER = MemoryLayout.structLayout(
            ADDRESS.withName("dst"), JAVA_LONG.withName("size"), JAVA_LONG.withName("pos"));
    private static final VarHandle IN_SIZE = IN_BUFFER.varHandle(MemoryLayout.PathElement.groupElement("size"))
            .withInvokeExactBehavior();
    private static final VarHandle IN_POS = IN_BUFFER.varHandle(MemoryLayout.PathElement.groupElement("pos"))
            .withInvokeExactBehavior();
    private static final VarHandle OUT_POS = OUT_BUFFER.varHandle(MemoryLayout.PathElement.groupElement("pos"))
            .withInvokeExactBehavior();

    private final InputStream in;
    private final MemorySegment stream;
    private final MemorySegment inStruct;
    private final MemorySegment outStruct;
    private final MemorySegment inData;
    private final MemorySegment outData;
    private final byte[] transfer;
    /** Decoded bytes in {@link #outData} not yet handed out: [outRead, outLimit). */
    private long outRead;
    private long outLimit;
    /** Whether the last decompress call finished a frame (return value 0). */
    private boolean frameComplete = true;
    private boolean inputDone;
    /** Whether the last decompress call filled the output buffer (more output may be pending). */
    private boolean outputFull;
    private boolean consumedAny;
    private boolean closed;

    /** Starts decoding {@code in}, which this stream owns. */
    public ZstdInputStream(InputStream in) throws IOException {
        this.in = in;
        MemorySegment zds = LibZstd.ZSTD_createDStream();
        if (zds.equals(MemorySegment.NULL)) {
            throw new IOException("ZSTD_createDStream failed (out of memory)");
        }
        this.stream = zds;
        check(LibZstd.ZSTD_initDStream(zds), "ZSTD_initDStream");
        Arena arena = Arena.ofAuto();
        int inSize = (int) Math.min(LibZstd.ZSTD_DStreamInSize(), 1 << 20);
        int outSize = (int) Math.min(LibZstd.ZSTD_DStreamOutSize(), 1 << 20);
        inData = arena.allocate(inSize);
        outData = arena.allocate(outSize);
        transfer = new byte[Math.max(inSize, outSize)];
        inStruct = arena.allocate(IN_BUFFER);
        outStruct = arena.allocate(OUT_BUFFER);
        inStruct.set(ADDRESS, 0, inData);
        outStruct.set(ADDRESS, 0, outData);
        outStruct.set(JAVA_LONG, 8, outData.byteSize());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("zstd stream is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (outRead == outLimit) {
            if (!fill()) {
                return -1;
            }
        }
        int n = (int) Math.min(len, outLimit - outRead);
        MemorySegment.copy(outData, JAVA_BYTE, outRead, b, off, n);
        outRead += n;
        return n;
    }

    /** Runs the decoder once; false at the clean end of the input. */
    private boolean fill() throws IOException {
        long inPos = (long) IN_POS.get(inStruct, 0L);
        long inSize = (long) IN_SIZE.get(inStruct, 0L);
        if (outputFull) {
            // The decoder may hold more output for the input it already has: call again first.
            outputFull = false;
        } else if (inPos == inSize && frameComplete) {
            // Between frames and nothing buffered: read more, or end cleanly.
            if (!refill()) {
                if (!consumedAny) {
                    throw new EOFException("zstd stream is empty");
                }
                return false;
            }
        } else if (inPos == inSize && !refill()) {
            throw new EOFException("zstd stream truncated: input ended inside a frame");
        }
        OUT_POS.set(outStruct, 0L, 0L);
        long ret = LibZstd.ZSTD_decompressStream(stream, outStruct, inStruct);
        check(ret, "ZSTD_decompressStream");
        frameComplete = ret == 0;
        outRead = 0;
        outLimit = (long) OUT_POS.get(outStruct, 0L);
        outputFull = outLimit == outData.byteSize();
        return true;
    }

    private boolean refill() throws IOException {
        if (inputDone) {
            return false;
        }
        int n = in.read(transfer, 0, (int) inData.byteSize());
        if (n < 0) {
            inputDone = true;
            return false;
        }
        consumedAny |= n > 0;
        MemorySegment.copy(transfer, 0, inData, JAVA_BYTE, 0, n);
        IN_SIZE.set(inStruct, 0L, (long) n);
        IN_POS.set(inStruct, 0L, 0L);
        return true;
    }

    private static void check(long code, String call) throws IOException {
        if (LibZstd.ZSTD_isError(code) != 0) {
            throw failure(code, call);
        }
    }

    /** Out of line: the JIT compiles {@link #check}, called per block, without the error text. */
    private static IOException failure(long code, String call) {
        String name = LibZstd.ZSTD_getErrorName(code).reinterpret(Long.MAX_VALUE).getString(0);
        return new IOException("zstd: " + call + " failed: " + name);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            LibZstd.ZSTD_freeDStream(stream);
            in.close();
        }
    }
}

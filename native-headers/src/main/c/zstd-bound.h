/* libzstd functions bound by dev.bootcj.compress.LibZstd (streaming decompression only), one prototype per
 * line as in /usr/include/zstd.h (Debian libzstd-dev 1.5.4); checked by gcc against <zstd.h>.
 * Structs the caller allocates: ZSTD_inBuffer { const void *src; size_t size; size_t pos; } and
 * ZSTD_outBuffer { void *dst; size_t size; size_t pos; }, 24 bytes each. */
#include <zstd.h>

/* @lib LibZstd libzstd.so.1 */
ZSTD_DStream* ZSTD_createDStream(void);
size_t ZSTD_freeDStream(ZSTD_DStream* zds);
size_t ZSTD_initDStream(ZSTD_DStream* zds);
size_t ZSTD_decompressStream(ZSTD_DStream* zds, ZSTD_outBuffer* output, ZSTD_inBuffer* input);
size_t ZSTD_DStreamInSize(void);
size_t ZSTD_DStreamOutSize(void);
unsigned ZSTD_isError(size_t code);
const char* ZSTD_getErrorName(size_t code);

package dev.bootcj.registry;

import dev.bootcj.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v2/<name>/blobs/<digest>} from {@code offset} (a {@code Range} request when resuming). Redirects
 * to storage are followed. The returned stream is raw; verification is the caller's.
 */
final class BlobPuller implements RegistryEndpoint<InputStream> {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final String image;
    private final String repository;
    private final Digest digest;
    private final long offset;

    BlobPuller(String image, String repository, Digest digest, long offset) {
        this.image = image;
        this.repository = repository;
        this.digest = digest;
        this.offset = offset;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String route() {
        return repository + "/blobs/" + digest;
    }

    @Override
    public Map<String, String> headers() {
        return offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
    }

    @Override
    public boolean followsRedirects() {
        return true;
    }

    @Override
    public InputStream handle(HttpResponse<InputStream> response, URI uri) throws IOException {
        InputStream in = response.body();
        if (offset == 0) {
            return in;
        }
        if (response.statusCode() == 206) {
            String range = response.headers().firstValue("Content-Range").orElse("");
            Matcher m = CONTENT_RANGE.matcher(range);
            if (!m.matches() || Long.parseLong(m.group(1)) != offset) {
                in.close();
                throw new IOException("Registry answered a range request for blob " + digest + " from byte " + offset
                        + " with Content-Range '" + range + "'");
            }
            return in;
        }
        // 200: the server ignored the Range header; skip what we already have.
        try {
            in.skipNBytes(offset);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return in;
    }

    @Override
    public String actionDescription() {
        return "pull blob " + digest + " of " + image + (offset > 0 ? " from byte " + offset : "");
    }

    @Override
    public String notFoundMessage(List<ErrorCode.Error> errors) {
        return "Blob " + digest + " of image " + image + " not found in repository " + repository
                + (errors.isEmpty() ? "" : " (" + errors.getFirst() + ")");
    }
}

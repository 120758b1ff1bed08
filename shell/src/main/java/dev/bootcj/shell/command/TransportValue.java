package dev.bootcj.shell.command;

import dev.bootcj.ImageException;
import dev.bootcj.oci.Transport;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport name ({@code registry}, alias {@code docker}, {@code oci}, ...); completion offers exactly the names
 * accepted. Upstream reports a bad transport as a failure, not a usage error, and so do we
 * ({@code Unknown transport 'ftp'}, exit 1).
 */
final class TransportValue implements Value<Transport> {
    /** Where an image is read from now ({@code --transport}): not {@code containers-storage}, which we cannot read. */
    static final TransportValue READABLE = new TransportValue(true);
    /** What a tracked image reference may name ({@code --target-transport}), read by later upgrades: any. */
    static final TransportValue ANY = new TransportValue(false);

    private final boolean readableOnly;

    private TransportValue(boolean readableOnly) {
        this.readableOnly = readableOnly;
    }

    private boolean accepts(Transport t) {
        // registry.ImageSources opens every transport but containers-storage
        return !readableOnly || t != Transport.CONTAINERS_STORAGE;
    }

    @Override
    public Transport parse(String text, Opt<Transport> option) throws ImageException {
        Transport t = Transport.parse(text);
        if (!accepts(t)) {
            throw new ImageException("Transport '" + text + "' is not supported");
        }
        return t;
    }

    @Override
    public List<String> suggestions() {
        List<String> names = new ArrayList<>();
        for (Transport t : Transport.values()) {
            if (accepts(t)) {
                names.add(t.specName());
            }
        }
        return names;
    }
}

package dev.bootcj.shell.command;

import dev.bootcj.oci.Platform;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.ImageInfo;
import dev.bootcj.registry.ImageInfoRenderer;
import dev.bootcj.registry.ImageInspector;
import dev.bootcj.registry.ImageSource;
import dev.bootcj.registry.ImageSources;
import dev.bootcj.registry.InspectFormat;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.shell.args.Choice;
import dev.bootcj.shell.args.Completion;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code bootc inspect image [--transport T] [--format human|json|yaml] <IMAGE>}: digest, platform, version,
 * created, labels, layers, and whether the image is bootable (or why not), without pulling it.
 */
public final class InspectImageCommand implements Command {
    static final Opt<Transport> TRANSPORT = Opt.of("transport", "TRANSPORT",
            "Where the image is: registry (alias docker), oci, oci-archive, docker-archive, dir (default: registry)",
            TransportValue.READABLE);
    static final Opt<InspectFormat> FORMAT = Opt.of("format", "FORMAT", "The output format (default: human)",
            Choice.of(InspectFormat.HUMAN, InspectFormat.JSON, InspectFormat.YAML));

    @Override
    public String name() {
        return "inspect image";
    }

    /**
     * For the local transports ({@code oci}, {@code oci-archive}, {@code docker-archive}, {@code dir}) a relative
     * path is made absolute: the name is recorded in the origin and read again by later upgrades.
     */
    static String absolute(Transport transport, String name) throws UsageException {
        if (name.isBlank()) {
            throw new UsageException("the image reference is empty");
        }
        if (transport == Transport.REGISTRY || transport == Transport.CONTAINERS_STORAGE || name.startsWith("/")) {
            return name;
        }
        return java.nio.file.Path.of("").toAbsolutePath().resolve(name).normalize().toString();
    }

    @Override
    public String summary() {
        return "Show an image's digest, platform, labels and layers, and whether it is bootable";
    }

    @Override
    public String arguments() {
        return "[OPTIONS] <IMAGE>";
    }

    @Override
    public List<Option> options() {
        return List.of(TRANSPORT, FORMAT);
    }

    @Override
    public Completion positional(int index) {
        return index == 0 ? Completion.IMAGE : Completion.NONE;
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        String name = args.positional(0, "IMAGE");
        args.maxPositionals(1);
        Transport transport = args.get(TRANSPORT).orElse(Transport.REGISTRY);
        InspectFormat format = args.get(FORMAT).orElse(InspectFormat.HUMAN);
        ImageInfo info;
        try (ImageSource source = ImageSources.open(transport, absolute(transport, name), RegistryOptions.defaults())) {
            info = ImageInspector.inspect(source, Platform.host());
        }
        Writer w = new OutputStreamWriter(session.out(), StandardCharsets.UTF_8);
        ImageInfoRenderer.render(info, format, w);
        w.flush();
        return Dispatcher.EXIT_OK;
    }
}

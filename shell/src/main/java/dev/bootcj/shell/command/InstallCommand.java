package dev.bootcj.shell.command;

import dev.bootcj.deploy.DiskInstall;
import dev.bootcj.deploy.Reporter;
import dev.bootcj.deploy.SignaturePolicy;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.shell.args.Choice;
import dev.bootcj.shell.args.Completion;
import dev.bootcj.shell.args.Flag;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import dev.bootcj.shell.args.Value;
import dev.bootcj.spec.ImageSignature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code bootc install to-disk|to-filesystem|finalize}: put an image onto a disk or a mounted filesystem. */
public final class InstallCommand implements Command {
    /** The verbs. */
    public enum Kind {
        TO_DISK("to-disk", "Install to the target block device (or disk image file with --via-loopback)", "<DEVICE>"),
        TO_FILESYSTEM("to-filesystem", "Install to the target mounted filesystem", "<ROOT_PATH>"),
        FINALIZE("finalize", "Check that an installation left a deployment", "<ROOT_PATH>");

        final String word;
        final String summary;
        final String argument;

        Kind(String word, String summary, String argument) {
            this.word = word;
            this.summary = summary;
            this.argument = argument;
        }
    }

    private final Kind kind;

    public InstallCommand(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return "install " + kind.word;
    }

    @Override
    public Launch launch() {
        return kind == Kind.FINALIZE ? Launch.SHORT : Launch.IMPORT;
    }

    @Override
    public String summary() {
        return kind.summary;
    }

    @Override
    public String arguments() {
        return kind == Kind.FINALIZE ? kind.argument : "[OPTIONS] " + kind.argument;
    }

    @Override
    public List<Option> options() {
        return switch (kind) {
            case TO_DISK -> Flags.TO_DISK;
            case TO_FILESYSTEM -> Flags.TO_FILESYSTEM;
            case FINALIZE -> List.of();
        };
    }

    /** The flags, built when a command line of an install verb is parsed (not when the registry is). */
    private static final class Flags {
        static final Opt<String> SOURCE_IMGREF = Opt.of("source-imgref", "IMAGE",
                "The image to install, in skopeo syntax (oci:/path:tag, docker://...)", Value.IMAGE);
        static final Opt<String> TARGET_IMGREF = Opt.of("target-imgref", "IMAGE",
                "The image the system tracks for updates (default: the source)", Value.IMAGE);
        static final Opt<Transport> TARGET_TRANSPORT = Opt.of("target-transport", "TRANSPORT",
                "The transport of --target-imgref (default: registry)", TransportValue.ANY);
        static final Flag ENFORCE_SIGPOLICY = Flag.of("enforce-container-sigpolicy",
                "Enforce containers-policy.json for the target image");
        static final Flag DISABLE_SELINUX = Flag.of("disable-selinux", "Disable SELinux in the target (adds selinux=0)");
        static final Opt<String> KARG = Opt.of("karg", "KARG", "Add a kernel argument", Value.TEXT).repeat();
        static final Opt<String> STATEROOT = Opt.of("stateroot", "NAME", "The stateroot (default: default)", Value.TEXT);
        static final Flag WIPE = Flag.of("wipe", "Remove existing partitions and filesystems first");
        static final Opt<String> FILESYSTEM = Opt.of("filesystem", "FS",
                "The root filesystem (default: from the image's install configuration)", Choice.words("xfs", "ext4"));
        static final Opt<Long> ROOT_SIZE = Opt.of("root-size", "SIZE",
                "Size of the root partition (M, G or T suffix; default: rest of the disk)", new Value<Long>() {
                    @Override
                    public Long parse(String text, Opt<Long> option) throws UsageException {
                        return megabytes(text);
                    }
                });
        static final Flag VIA_LOOPBACK = Flag.of("via-loopback", "DEVICE is a regular file: attach it as a loop device");
        static final Opt<DiskInstall.Replace> REPLACE = Opt.of("replace", "MODE", "How to treat existing content",
                Choice.of(DiskInstall.Replace.WIPE, DiskInstall.Replace.ALONGSIDE));
        static final Flag SKIP_FINALIZE = Flag.of("skip-finalize", "Skip the finalization checks");

        static final List<Option> COMMON = List.of(SOURCE_IMGREF, TARGET_IMGREF, TARGET_TRANSPORT, ENFORCE_SIGPOLICY,
                Flag.of("target-no-signature-verification", "Deprecated; does nothing").hide(),
                Flag.of("skip-fetch-check", "Do not check that the target image can be fetched"),
                DISABLE_SELINUX,
                KARG,
                Opt.of("root-ssh-authorized-keys", "FILE", "Install root's SSH authorized keys", Value.FILE),
                Flag.of("generic-image", "Install every bootloader type and touch no firmware variables"),
                Opt.of("bound-images", "MODE", "How to handle bound images", Choice.words("stored", "skip", "pull"))
                        .hide(),
                STATEROOT);
        static final List<Option> TO_DISK = concat(COMMON, List.of(
                WIPE,
                Opt.of("block-setup", "SETUP", "Block device setup", Choice.words("direct")),
                FILESYSTEM,
                ROOT_SIZE,
                VIA_LOOPBACK));
        static final List<Option> TO_FILESYSTEM = concat(COMMON, List.of(
                REPLACE,
                Flag.of("acknowledge-destructive", "Acknowledge that --replace destroys data"),
                SKIP_FINALIZE,
                Opt.of("root-mount-spec", "SPEC", "The root= mount spec (default: UUID of the filesystem)", Value.TEXT)
                        .hide(),
                Opt.of("boot-mount-spec", "SPEC", "The boot mount spec", Value.TEXT).hide()));

        private static List<Option> concat(List<Option> a, List<Option> b) {
            List<Option> out = new ArrayList<>(a);
            out.addAll(b);
            return List.copyOf(out);
        }
    }

    @Override
    public Completion positional(int index) {
        return index == 0 ? Completion.FILE : Completion.NONE;
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        Path target = Path.of(args.positional(0, kind.argument.replaceAll("[<>]", "")));
        args.maxPositionals(1);
        if (kind == Kind.FINALIZE) {
            DiskInstall.finalizeInstall(target);
            return Dispatcher.EXIT_OK;
        }
        OstreeImageReference source = sourceImage(args);
        ImageSignature signature = args.has(Flags.ENFORCE_SIGPOLICY) ? new ImageSignature.ContainerPolicy() : null;
        if (signature != null) {
            SignaturePolicy.requireEnforcing();
        }
        OstreeImageReference tracked = !args.has(Flags.TARGET_IMGREF)
                ? new OstreeImageReference(signature, source.transport(), source.name())
                : new OstreeImageReference(signature, args.get(Flags.TARGET_TRANSPORT).orElse(Transport.REGISTRY),
                        args.get(Flags.TARGET_IMGREF).orElseThrow());
        List<String> kargs = new ArrayList<>(args.all(Flags.KARG));
        if (args.has(Flags.DISABLE_SELINUX)) {
            kargs.add("selinux=0");
        }
        DiskInstall.Options options = new DiskInstall.Options(source, tracked, args.get(Flags.STATEROOT).orElse("default"),
                args.get(Flags.FILESYSTEM).orElse(null), args.get(Flags.ROOT_SIZE).orElse(null), kargs,
                args.has(Flags.WIPE), args.has(Flags.VIA_LOOPBACK));
        Reporter out = session.out()::println;
        if (kind == Kind.TO_DISK) {
            if (args.has(Flags.VIA_LOOPBACK)) {
                out.line("warning: --via-loopback implies --generic-image");
            }
            DiskInstall.toDisk(target, options, RegistryOptions.defaults(), out);
        } else {
            DiskInstall.Replace replace = args.get(Flags.REPLACE).orElse(DiskInstall.Replace.NONE);
            DiskInstall.toFilesystem(target, replace, options, RegistryOptions.defaults(), out);
            if (!args.has(Flags.SKIP_FINALIZE)) {
                DiskInstall.finalizeInstall(target);
            }
        }
        return Dispatcher.EXIT_OK;
    }

    /** {@code --source-imgref} in skopeo syntax. */
    static OstreeImageReference sourceImage(ParsedArgs args) throws Exception {
        String s = args.get(Flags.SOURCE_IMGREF).orElseThrow(() -> new CommandFailedException(
                "Either --source-imgref must be defined or this command must be executed inside a podman container."));
        if (s.startsWith("docker://")) {
            return new OstreeImageReference(null, Transport.REGISTRY,
                    InspectImageCommand.absolute(Transport.REGISTRY, s.substring("docker://".length())));
        }
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new UsageException("invalid --source-imgref '" + s + "' (expected e.g. oci:/path:tag or docker://name)");
        }
        Transport t = Transport.parse(s.substring(0, colon));
        return new OstreeImageReference(null, t, InspectImageCommand.absolute(t, s.substring(colon + 1)));
    }

    /** A {@code --root-size} in MiB. */
    private static long megabytes(String v) throws UsageException {
        var m = java.util.regex.Pattern.compile("(\\d+)([MGT]?)i?B?").matcher(v);
        if (!m.matches()) {
            throw new UsageException("invalid --root-size '" + v + "' (expected a number with an optional M, G or T)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "G" -> n * 1024;
            case "T" -> n * 1024 * 1024;
            default -> n;
        };
    }
}

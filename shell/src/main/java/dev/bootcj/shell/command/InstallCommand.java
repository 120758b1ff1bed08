package dev.bootcj.shell.command;

import dev.bootcj.deploy.DiskInstall;
import dev.bootcj.deploy.Reporter;
import dev.bootcj.deploy.SignaturePolicy;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
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
    public String summary() {
        return kind.summary;
    }

    @Override
    public String arguments() {
        return kind == Kind.FINALIZE ? kind.argument : "[OPTIONS] " + kind.argument;
    }

    @Override
    public List<Option> options() {
        if (kind == Kind.FINALIZE) {
            return List.of();
        }
        List<Option> o = new ArrayList<>(List.of(
                Option.value("source-imgref", "IMAGE", "The image to install, in skopeo syntax (oci:/path:tag, docker://...)"),
                Option.value("target-imgref", "IMAGE", "The image the system tracks for updates (default: the source)"),
                Option.value("target-transport", "TRANSPORT", "The transport of --target-imgref (default: registry)"),
                Option.flag("enforce-container-sigpolicy", "Enforce containers-policy.json for the target image"),
                Option.flag("target-no-signature-verification", "Deprecated; does nothing").hide(),
                Option.flag("skip-fetch-check", "Do not check that the target image can be fetched"),
                Option.flag("disable-selinux", "Disable SELinux in the target (adds selinux=0)"),
                Option.value("karg", "KARG", "Add a kernel argument").repeat(),
                Option.value("root-ssh-authorized-keys", "FILE", "Install root's SSH authorized keys"),
                Option.flag("generic-image", "Install every bootloader type and touch no firmware variables"),
                Option.value("bound-images", "MODE", "How to handle bound images", "stored", "skip", "pull").hide(),
                Option.value("stateroot", "NAME", "The stateroot (default: default)")));
        if (kind == Kind.TO_DISK) {
            o.addAll(List.of(
                    Option.flag("wipe", "Remove existing partitions and filesystems first"),
                    Option.value("block-setup", "SETUP", "Block device setup", "direct"),
                    Option.value("filesystem", "FS", "The root filesystem (default: from the image's install configuration)",
                            "xfs", "ext4"),
                    Option.value("root-size", "SIZE", "Size of the root partition (M, G or T suffix; default: rest of the disk)"),
                    Option.flag("via-loopback", "DEVICE is a regular file: attach it as a loop device")));
        } else {
            o.addAll(List.of(
                    Option.value("replace", "MODE", "How to treat existing content", "wipe", "alongside"),
                    Option.flag("acknowledge-destructive", "Acknowledge that --replace destroys data"),
                    Option.flag("skip-finalize", "Skip the finalization checks"),
                    Option.value("root-mount-spec", "SPEC", "The root= mount spec (default: UUID of the filesystem)").hide(),
                    Option.value("boot-mount-spec", "SPEC", "The boot mount spec").hide()));
        }
        return o;
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
        ImageSignature signature = args.has("enforce-container-sigpolicy") ? new ImageSignature.ContainerPolicy() : null;
        if (signature != null) {
            SignaturePolicy.requireEnforcing();
        }
        OstreeImageReference tracked = args.value("target-imgref").isEmpty()
                ? new OstreeImageReference(signature, source.transport(), source.name())
                : new OstreeImageReference(signature, Transport.parse(args.value("target-transport").orElse("registry")),
                        args.value("target-imgref").get());
        List<String> kargs = new ArrayList<>(args.values("karg"));
        if (args.has("disable-selinux")) {
            kargs.add("selinux=0");
        }
        DiskInstall.Options options = new DiskInstall.Options(source, tracked, args.value("stateroot").orElse("default"),
                args.value("filesystem").orElse(null), rootSize(args), kargs, args.has("wipe"), args.has("via-loopback"));
        Reporter out = session.out()::println;
        if (kind == Kind.TO_DISK) {
            if (args.has("via-loopback")) {
                out.line("warning: --via-loopback implies --generic-image");
            }
            DiskInstall.toDisk(target, options, RegistryOptions.defaults(), out);
        } else {
            DiskInstall.Replace replace = switch (args.value("replace").orElse("")) {
                case "wipe" -> DiskInstall.Replace.WIPE;
                case "alongside" -> DiskInstall.Replace.ALONGSIDE;
                default -> DiskInstall.Replace.NONE;
            };
            DiskInstall.toFilesystem(target, replace, options, RegistryOptions.defaults(), out);
            if (!args.has("skip-finalize")) {
                DiskInstall.finalizeInstall(target);
            }
        }
        return Dispatcher.EXIT_OK;
    }

    /** {@code --source-imgref} in skopeo syntax. */
    static OstreeImageReference sourceImage(ParsedArgs args) throws Exception {
        String s = args.value("source-imgref").orElseThrow(() -> new CommandFailedException(
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

    private static Long rootSize(ParsedArgs args) throws UsageException {
        if (args.value("root-size").isEmpty()) {
            return null;
        }
        String v = args.value("root-size").get();
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

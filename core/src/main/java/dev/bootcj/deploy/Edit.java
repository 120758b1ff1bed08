package dev.bootcj.deploy;

import dev.bootcj.BootcException;
import dev.bootcj.InvalidTransitionException;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.HostSpec;
import java.io.IOException;

/**
 * {@code bootc edit}: apply a changed host spec. Only {@code spec} counts: a changed {@code bootOrder} is a
 * rollback, a changed image a switch; both at once is refused.
 */
public final class Edit {
    private Edit() {
    }

    /** Applies {@code edited}'s spec to {@code host}. */
    public static void run(BootcSysroot host, Host edited, RegistryOptions options, Reporter out)
            throws IOException, BootcException {
        HostSpec current = host.status().spec();
        HostSpec wanted = edited.spec();
        if (wanted.equals(current)) {
            out.line("Edit cancelled, no changes made.");
            return;
        }
        boolean orderChanged = wanted.bootOrder() != current.bootOrder();
        boolean imageChanged = wanted.image() == null ? current.image() != null : !wanted.image().equals(current.image());
        if (orderChanged && imageChanged) {
            throw new InvalidTransitionException("Invalid state transition: rollback and image change");
        }
        if (orderChanged) {
            Rollback.run(host, out);
            return;
        }
        Upgrade.requireImage(wanted.image());
        Switch.run(host, OstreeImageReference.of(wanted.image()), options, out);
    }
}

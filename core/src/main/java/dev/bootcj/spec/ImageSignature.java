package dev.bootcj.spec;

/**
 * How an image's signature is verified. On the wire: {@code "containerPolicy"}, {@code {"ostreeRemote": "<remote>"}}
 * (YAML {@code !ostreeRemote "<remote>"}) or {@code "insecure"}; an absent signature means insecure.
 */
public sealed interface ImageSignature {
    /** Defer to {@code containers-policy.json}, refusing a default of {@code insecureAcceptAnything}. */
    record ContainerPolicy() implements ImageSignature {
    }

    /** Verify the ostree commit with the named ostree remote's keys. */
    record OstreeRemote(String remote) implements ImageSignature {
        public OstreeRemote {
            if (remote == null || remote.isEmpty()) {
                throw new IllegalArgumentException("ostreeRemote signature needs a remote name");
            }
        }
    }

    /** No verification (accepted on input; written as an absent signature). */
    record Insecure() implements ImageSignature {
    }
}

package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bootcj.ImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --enforce-container-sigpolicy refuses a policy whose default accepts anything. */
class SignaturePolicyTest {
    @TempDir
    Path tmp;

    @Test
    void insecureDefaultIsRefusedAndARealPolicyAccepted() throws Exception {
        Path insecure = Files.writeString(tmp.resolve("insecure.json"),
                "{\"default\":[{\"type\":\"insecureAcceptAnything\"}],\"transports\":{}}");
        assertEquals("containers-policy.json specifies a default of `insecureAcceptAnything`; refusing usage",
                assertThrows(ImageException.class, () -> SignaturePolicy.requireEnforcing(insecure)).getMessage());
        Path strict = Files.writeString(tmp.resolve("strict.json"),
                "{\"default\":[{\"type\":\"reject\"}],\"transports\":{\"docker\":{\"quay.io/x\":[{\"type\":\"sigstoreSigned\","
                        + "\"keyPath\":\"/etc/pki/x.pub\"}]}}}");
        SignaturePolicy.requireEnforcing(strict);
        ImageException missing = assertThrows(ImageException.class,
                () -> SignaturePolicy.requireEnforcing(tmp.resolve("none.json")));
        assertEquals(true, missing.getMessage().startsWith("Cannot enforce the container signature policy: "));
    }
}

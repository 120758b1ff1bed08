package dev.bootcj.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.GLibException;
import dev.bootcj.glib.KeyFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key-file parser against GLib's own ({@code g_key_file_load_from_data} through {@link KeyFiles}). */
class KeyFileTest {
    static final List<String> TEXTS = List.of(
            "",
            "\n\n",
            "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/x:1\n",
            "[origin]\ncontainer-image-reference=a\n[libostree-transient]\npinned=true\n",
            "# comment\n  # indented comment\n[origin]\nrefspec=fedora:fedora/x86_64/coreos/stable",
            "[origin]\r\nkey = value with = sign  \r\n",
            "  [g]  \t\nk=\t  v\n",
            "[a]\nk=1\n[b]\nk=2\n[a]\nk=3\nj=4\n",
            "[a]\nk=1\nk=2\n",
            "[a]\nk=\n",
            "[a]\nk w=v\n",
            "[a]\nk\\=v\n",
            "[a b]\nx=y\n",
            "[ü]\nschlüssel=wert\n",
            "[a]\nEncoding=UTF-8\n",
            "[a]\nEncoding=utf-8\n",
            // refused
            "k=v\n",
            "[a\nk=v\n",
            "[a]x\nk=v\n",
            "[]\nk=v\n",
            "[a[b]\nk=v\n",
            "[a]\n=v\n",
            "[a]\nk v\n",
            "[a]\n k=v\n[b]\n\u0001=v\n",
            "[a]\nk[=v\n",
            "[a]\nk]=v\n",
            "[a]\n k =v\n",
            "[a]\nEncoding=latin1\n",
            "[a]\u0001\nk=v\n",
            "[a\u0001]\nk=v\n");

    @Test
    void acceptsAndRefusesWhatGLibDoes() {
        int refused = 0;
        for (String text : TEXTS) {
            Map<String, Map<String, String>> glib;
            try {
                glib = KeyFiles.parse(text, "test");
            } catch (GLibException e) {
                glib = null;
                refused++;
            }
            Map<String, Map<String, String>> ours;
            try {
                ours = KeyFile.parse(text);
            } catch (KeyFile.SyntaxError e) {
                ours = null;
            }
            assertEquals(glib, ours, text);
        }
        assertTrue(refused > 5);
    }

    @Test
    void pinnedIsGLibsBoolean() throws Exception {
        for (String v : List.of("true", "1", "true  ", "true\t")) {
            assertTrue(KeyFile.booleanValue(KeyFile.parse("[g]\nk=" + v + "\n"), "g", "k"), v);
        }
        for (String v : List.of("false", "0", "True", "yes", "", " x", "truex")) {
            assertFalse(KeyFile.booleanValue(KeyFile.parse("[g]\nk=" + v + "\n"), "g", "k"), v);
        }
        assertFalse(KeyFile.booleanValue(Map.of(), "g", "k"));
    }
}

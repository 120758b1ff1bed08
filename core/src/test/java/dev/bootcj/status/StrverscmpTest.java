package dev.bootcj.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Strverscmp} against glibc's {@code strverscmp} itself. */
class StrverscmpTest {
    @SuppressWarnings("restricted")
    static final MethodHandle STRVERSCMP = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("strverscmp").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));

    static int glibc(String a, String b) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            return (int) STRVERSCMP.invokeExact(arena.allocateFrom(a), arena.allocateFrom(b));
        }
    }

    @Test
    void theManualsOrder() {
        List<String> ordered = List.of("000", "00", "01", "010", "09", "0", "1", "9", "10");
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = 0; j < ordered.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)),
                        Integer.signum(Strverscmp.compare(ordered.get(i), ordered.get(j))), ordered.get(i) + " " + ordered.get(j));
            }
        }
    }

    @Test
    void agreesWithGlibc() throws Throwable {
        List<String> samples = new ArrayList<>(List.of("", "1", "2", "10", "11", "9", "a", "a1", "a10", "1.10", "1.9",
                "001", "0.1", "0.01", "1a", "1-2", "ab", "é", "\u00ff1"));
        Random random = new Random(1);
        String alphabet = "0019a.-";
        for (int n = 0; n < 400; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(b.toString());
        }
        for (String a : samples) {
            for (String b : samples.subList(0, 60)) {
                assertEquals(Integer.signum(glibc(a, b)), Integer.signum(Strverscmp.compare(a, b)), a + " vs " + b);
                assertEquals(Integer.signum(glibc(b, a)), Integer.signum(Strverscmp.compare(b, a)), b + " vs " + a);
            }
        }
    }
}

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.function.LongUnaryOperator;

/**
 * Stresses the code HotSpot patches while other threads run it: each round loads fresh copies of {@link Work} and
 * {@link Helper} in a new class loader, then several threads enter {@code Work} at the same moment. Run with
 * {@code -Xcomp -XX:TieredStopAtLevel=1}, every fresh method is compiled by C1 before its first call, with patching
 * stubs for the classes, fields and constants it has not resolved yet; the threads race through those stubs (and
 * through the inline caches of the interface call into each new class). Every thread also builds Strings from
 * bytes, as an import does for file names. Each round's result is checked, so silent miscompilation counts too.
 *
 * <p>Usage: {@code java -Xcomp -XX:TieredStopAtLevel=1 -cp DIR JitStress [rounds] [threads]}; prints
 * {@code JitStress: N rounds OK} or exits non-zero.
 */
public final class JitStress {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        byte[] work = bytes("Work.class");
        byte[] helper = bytes("Helper.class");
        long expected = -1;
        for (int round = 0; round < rounds; round++) {
            Fresh loader = new Fresh(work, helper);
            var ctor = loader.loadClass("Work").getDeclaredConstructor();
            ctor.setAccessible(true);
            LongUnaryOperator op = (LongUnaryOperator) ctor.newInstance();
            CyclicBarrier start = new CyclicBarrier(threads);
            long[] results = new long[threads];
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                        results[id] = op.applyAsLong(id);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                th.start();
                running.add(th);
            }
            for (Thread th : running) {
                th.join();
            }
            long sum = 0;
            for (int t = 0; t < threads; t++) {
                sum += results[t] - t;
            }
            if (expected == -1) {
                expected = sum;
            } else if (sum != expected) {
                System.out.println("JitStress: round " + round + " computed " + sum + ", expected " + expected);
                System.exit(2);
            }
        }
        System.out.println("JitStress: " + rounds + " rounds OK");
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = JitStress.class.getResourceAsStream("/" + resource)) {
            return in.readAllBytes();
        }
    }

    /** Loads its own Work and Helper, the rest from the application loader. */
    static final class Fresh extends ClassLoader {
        private final byte[] work;
        private final byte[] helper;

        Fresh(byte[] work, byte[] helper) {
            super(JitStress.class.getClassLoader());
            this.work = work;
            this.helper = helper;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] b = name.equals("Work") ? work : name.equals("Helper") ? helper : null;
                    if (b == null) {
                        return super.loadClass(name, resolve);
                    }
                    c = defineClass(name, b, 0, b.length);
                }
                return c;
            }
        }
    }
}

/** Loaded afresh each round; its first calls resolve Helper, its fields and its strings. */
final class Work implements LongUnaryOperator {
    @Override
    public long applyAsLong(long id) {
        long h = id;
        byte[] ascii = "usr/lib/modules/6.1.0-bootcj/kernel/fs/ext4/ext4.ko".getBytes(StandardCharsets.US_ASCII);
        byte[] utf8 = "usr/share/zoneinfo/Amérique/Montréal-ß-€".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2000; i++) {
            String a = new String(ascii, i % 8, ascii.length - i % 8, StandardCharsets.UTF_8);
            String u = new String(utf8, 0, utf8.length - (i % 2) * 3, StandardCharsets.UTF_8);
            Helper x = new Helper(a, i);
            h = h * 31 + x.mix(u).hashCode() + Helper.COUNTER.length() + Helper.table[i & 7];
        }
        return h;
    }
}

final class Helper {
    static final String COUNTER = new String(new char[] {'c', 'o', 'u', 'n', 't'});
    static int[] table = {3, 1, 4, 1, 5, 9, 2, 6};
    final String name;
    final int n;

    Helper(String name, int n) {
        this.name = name;
        this.n = n;
    }

    String mix(String other) {
        return (n & 1) == 0 ? name + '/' + other : other.substring(1) + n;
    }
}

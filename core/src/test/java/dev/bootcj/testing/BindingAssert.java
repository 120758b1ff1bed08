package dev.bootcj.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bootcj.headers.HeaderCheck;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares FFM bindings with the declarations in {@code native-headers}. */
public final class BindingAssert {
    private BindingAssert() {
    }

    /**
     * Every lazy holder ({@code DESC}) of {@code binding} matches its prototype in {@code header}, and every
     * prototype of that library section has a holder.
     */
    public static void assertMatchesHeader(Class<?> binding, String header) throws ReflectiveOperationException {
        Map<String, HeaderCheck.Prototype> expected = new TreeMap<>();
        for (HeaderCheck.Prototype p : HeaderCheck.prototypes(header)) {
            if (p.lib().equals(binding.getSimpleName())) {
                expected.put(p.name(), p);
            }
        }
        assertFalse(expected.isEmpty(), "no @lib " + binding.getSimpleName() + " section in " + header);
        Map<String, FunctionDescriptor> actual = new TreeMap<>();
        for (Class<?> holder : binding.getDeclaredClasses()) {
            Field desc;
            try {
                desc = holder.getDeclaredField("DESC");
            } catch (NoSuchFieldException e) {
                continue;
            }
            desc.setAccessible(true);
            actual.put(holder.getSimpleName(), (FunctionDescriptor) desc.get(null));
        }
        assertEquals(expected.keySet(), actual.keySet(), binding.getSimpleName() + " holders vs " + header);
        for (var e : expected.entrySet()) {
            HeaderCheck.Prototype p = e.getValue();
            List<String> javaLayouts = names(actual.get(e.getKey()));
            List<String> cLayouts = p.layouts();
            if (p.variadic()) {
                javaLayouts = javaLayouts.subList(0, Math.min(javaLayouts.size(), cLayouts.size()));
            }
            assertEquals(cLayouts, javaLayouts, e.getKey() + ": Java descriptor differs from " + header);
        }
    }

    /** The Java layout's size and named member offsets equal C's {@code sizeof}/{@code offsetof}. */
    public static void assertLayout(GroupLayout layout, String header, String struct, Path workDir) {
        List<String> fields = new ArrayList<>();
        Map<String, Long> javaSide = new TreeMap<>();
        javaSide.put("sizeof", layout.byteSize());
        long offset = 0;
        for (MemoryLayout m : layout.memberLayouts()) {
            if (m.name().isPresent()) {
                fields.add(m.name().get());
                javaSide.put(m.name().get(), offset);
            }
            offset += m.byteSize();
        }
        assertEquals(javaSide, new TreeMap<>(HeaderCheck.layout(header, struct, fields, workDir)), struct);
    }

    private static List<String> names(FunctionDescriptor d) {
        List<String> out = new ArrayList<>();
        out.add(d.returnLayout().map(BindingAssert::name).orElse(null));
        d.argumentLayouts().forEach(l -> out.add(name(l)));
        return out;
    }

    private static String name(MemoryLayout l) {
        if (l instanceof AddressLayout) {
            return "ADDRESS";
        }
        if (l instanceof ValueLayout v) {
            Class<?> c = v.carrier();
            if (c == int.class) {
                return "JAVA_INT";
            }
            if (c == long.class) {
                return "JAVA_LONG";
            }
            if (c == byte.class) {
                return "JAVA_BYTE";
            }
        }
        return l.toString();
    }
}

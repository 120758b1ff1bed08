package dev.bootcj.ostree;

import dev.bootcj.glib.GVariantCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Extended attributes as ostree stores them: GVariant {@code a(ayay)}, entries sorted by name bytes, each name
 * a bytestring including its trailing NUL, each value raw bytes. Immutable; equal by content.
 */
public final class Xattrs {
    /** No extended attributes (serializes to zero bytes). */
    public static final Xattrs EMPTY = new Xattrs(List.of());

    /** One attribute: name without the NUL, value as stored. */
    public record Entry(byte[] name, byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && Arrays.equals(name, e.name) && Arrays.equals(value, e.value);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(name) + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return new String(name, StandardCharsets.UTF_8) + "=" + Arrays.toString(value);
        }
    }

    private final List<Entry> entries;
    private final int hash;
    /** {@link #serialize()} computed once (a benign race: every thread computes the same bytes). */
    private byte[] serialized;

    private Xattrs(List<Entry> entries) {
        this.entries = entries;
        this.hash = entries.hashCode();
    }

    /** From names (UTF-8) to values, in any order. */
    public static Xattrs of(Map<String, byte[]> attrs) {
        if (attrs.isEmpty()) {
            return EMPTY;
        }
        List<Entry> list = new ArrayList<>(attrs.size());
        for (var e : attrs.entrySet()) {
            list.add(new Entry(e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue().clone()));
        }
        list.sort((a, b) -> Arrays.compareUnsigned(a.name, b.name));
        return new Xattrs(Collections.unmodifiableList(list));
    }

    /** The entries, sorted by name. */
    public List<Entry> entries() {
        return entries;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The {@code a(ayay)} normal-form bytes. */
    public byte[] serialize() {
        if (entries.isEmpty()) {
            return new byte[0];
        }
        GVariantCodec.ArrayBuilder array = new GVariantCodec.ArrayBuilder();
        for (Entry e : entries) {
            ByteArrayOutputStream element = new ByteArrayOutputStream();
            element.writeBytes(e.name);
            element.write(0);
            int nameEnd = element.size();
            element.writeBytes(e.value);
            array.add(GVariantCodec.withOffsets(element.toByteArray(), new long[] {nameEnd}));
        }
        return array.finish();
    }

    /** The {@code a(ayay)} bytes, computed once; callers must not modify the array. */
    byte[] serialized() {
        byte[] s = serialized;
        if (s == null) {
            s = serialize();
            serialized = s;
        }
        return s;
    }

    /** Parses {@code a(ayay)} bytes. */
    public static Xattrs parse(byte[] data) {
        if (data.length == 0) {
            return EMPTY;
        }
        List<Entry> list = new ArrayList<>();
        for (byte[] element : GVariantCodec.variableArray(data)) {
            int w = GVariantCodec.offsetSize(element.length);
            int nameEnd = GVariantCodec.offset(element, element.length - w, w);
            byte[] name = Arrays.copyOfRange(element, 0, nameEnd - 1);
            byte[] value = Arrays.copyOfRange(element, nameEnd, element.length - w);
            list.add(new Entry(name, value));
        }
        return new Xattrs(Collections.unmodifiableList(list));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xattrs x && hash == x.hash && entries.equals(x.entries);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}

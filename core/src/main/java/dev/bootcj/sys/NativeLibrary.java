package dev.bootcj.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Optional;

/**
 * One loaded shared library and the linker for its symbols; the only place in the project that calls
 * {@link SymbolLookup#libraryLookup} and {@link Linker#downcallHandle}. Binding classes hold one instance
 * each and link every symbol lazily through {@link #downcall}.
 *
 * <p>A library that cannot be loaded, or a symbol it does not have, is reported when a function is first
 * called, with the library's file name and the symbol: {@link UnsupportedOperationException}.
 */
@SuppressWarnings("restricted")
public final class NativeLibrary {
    private static final Linker LINKER = Linker.nativeLinker();

    private final String name;
    private final SymbolLookup lookup;
    private final RuntimeException loadFailure;

    private NativeLibrary(String name, SymbolLookup lookup, RuntimeException loadFailure) {
        this.name = name;
        this.lookup = lookup;
        this.loadFailure = loadFailure;
    }

    /** Loads a library by its soname (for example {@code libostree-1.so.1}) into the global arena. */
    public static NativeLibrary load(String soname, String debianPackage) {
        checkNativeAccess();
        try {
            return new NativeLibrary(soname, SymbolLookup.libraryLookup(soname, Arena.global()), null);
        } catch (IllegalArgumentException e) {
            return new NativeLibrary(soname, null, new UnsupportedOperationException(
                    "cannot load " + soname + " (install the Debian package " + debianPackage + ")", e));
        }
    }

    /** The C library, through the linker's default lookup. */
    public static NativeLibrary libc() {
        checkNativeAccess();
        return new NativeLibrary("libc.so.6", LINKER.defaultLookup(), null);
    }

    /** The library's file name, as given to {@link #load}. */
    public String name() {
        return name;
    }

    /** Whether the library was found. */
    public boolean isLoaded() {
        return loadFailure == null;
    }

    /**
     * A downcall handle for {@code symbol}; if the library or the symbol is missing, a handle of the same
     * type that throws {@link UnsupportedOperationException} naming both.
     */
    public MethodHandle downcall(String symbol, FunctionDescriptor descriptor, Linker.Option... options) {
        Optional<MemorySegment> address = lookup == null ? Optional.empty() : lookup.find(symbol);
        if (address.isPresent()) {
            return LINKER.downcallHandle(address.get(), descriptor, options);
        }
        UnsupportedOperationException failure = loadFailure != null
                ? new UnsupportedOperationException(symbol + ": " + loadFailure.getMessage(), loadFailure)
                : new UnsupportedOperationException(name + " has no symbol '" + symbol + "'");
        MethodHandle thrower = MethodHandles.throwException(
                descriptor.toMethodType().returnType(), UnsupportedOperationException.class);
        thrower = MethodHandles.insertArguments(thrower, 0, failure);
        MethodHandle typed = MethodHandles.dropArguments(
                thrower, 0, descriptor.toMethodType().parameterList());
        // Call states and variadic options add no Java parameters except the capture segment.
        return options.length == 0 ? typed
                : MethodHandles.dropArguments(thrower, 0,
                        LINKER.downcallHandle(descriptor, options).type().dropParameterTypes(0, 1)
                                .parameterList());
    }

    /** An upcall stub for {@code target}, valid as long as {@code arena}. */
    public static MemorySegment upcall(MethodHandle target, FunctionDescriptor descriptor, Arena arena) {
        return LINKER.upcallStub(target, descriptor, arena);
    }

    private static void checkNativeAccess() {
        Module module = NativeLibrary.class.getModule();
        if (module.isNamed() && !module.isNativeAccessEnabled()) {
            throw new IllegalStateException("native access is not enabled: run java with --enable-native-access="
                    + module.getName());
        }
    }
}

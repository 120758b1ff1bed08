#!/usr/bin/env python3
"""Writes a package-private FFM binding class from one of our headers (src/main/c/*-bound.h).

Usage: gen_binding.py HEADER LIBCLASS PACKAGE > Class.java

The header is the single source of truth for C signatures: each prototype line becomes one lazy holder
class (DESC + HANDLE) and one static method calling invokeExact, with the prototype quoted in javadoc.
The core tests check the generated descriptors against the header again, and gcc checks the header
against the system headers, so regenerating after editing a header keeps the three in step.

Markers in a comment after a prototype:
  @errno                 the call sets errno: the handle captures it (Linker.Option.captureCallState), the
                         Java method takes the capture-state segment first, and the class gets CAPTURE_STATE,
                         ERRNO and errno(segment)
  @variadic TYPE NAME... the variadic arguments to bind after the fixed ones ("@variadic mode_t mode" for
                         openat), linked with Linker.Option.firstVariadicArg
"""
import re
import sys

FN_PTR_TYPES = {"GDestroyNotify", "OstreeRepoCommitFilter", "OstreeRepoCheckoutFilter",
                "OstreeRepoCommitModifierXattrCallback", "gpointer", "gconstpointer"}
LONG_TYPES = {"gsize", "gssize", "guint64", "gint64", "goffset", "unsigned long", "long", "size_t", "ssize_t",
              "off_t", "off64_t"}
BYTE_TYPES = {"guchar", "guint8", "gint8", "char"}

PROTO = re.compile(r"^\s*(?P<ret>[^()]*?[\s*])\(?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\)?\s*\((?P<params>.*)\);"
                   r"\s*(?:/\*(?P<markers>.*)\*/)?\s*$")


def classify(ctype):
    t = ctype.replace("const", "").strip()
    if "*" in t or t in FN_PTR_TYPES:
        return ("MemorySegment", "ADDRESS")
    if t == "void":
        return ("void", None)
    if t in LONG_TYPES:
        return ("long", "JAVA_LONG")
    if t in BYTE_TYPES:
        return ("byte", "JAVA_BYTE")
    return ("int", "JAVA_INT")  # gboolean, gint, guint32, GQuark, uid_t, enums and flags


def parse(header, lib):
    current = None
    out = []
    for line in open(header):
        m = re.match(r"/\* @lib (\w+) (\S+) \*/", line)
        if m:
            current = m.group(1)
            continue
        if current != lib:
            continue
        m = PROTO.match(line)
        if not m:
            continue
        proto = line.split(";")[0].strip() + ";"
        markers = (m.group("markers") or "").split()
        errno = "@errno" in markers
        variadic_args = []
        if "@variadic" in markers:
            spec = markers[markers.index("@variadic") + 1:]
            spec = spec[:next((i for i, t in enumerate(spec) if t.startswith("@")), len(spec))]
            variadic_args = [param(" ".join(spec[i:i + 2])) for i in range(0, len(spec), 2)]
        params = []
        first_variadic = None
        raw = m.group("params").strip()
        if raw not in ("void", ""):
            for p in raw.split(","):
                p = p.strip()
                if p == "...":
                    if not variadic_args:
                        raise SystemExit(m.group("name") + " is variadic: name the arguments to bind with @variadic")
                    first_variadic = len(params)
                    params.extend(variadic_args)
                    continue
                params.append(param(p))
        out.append((m.group("name"), classify(m.group("ret").strip()), params,
                    proto.replace("(" + m.group("name") + ")", m.group("name")), errno, first_variadic))
    return out


def param(p):
    """(classification, Java name) of one C parameter; an array parameter is a pointer."""
    array = re.search(r"\[\d*\]$", p) is not None
    p = re.sub(r"\[\d*\]$", "", p)
    pm = re.match(r"^(.*?)([A-Za-z_][A-Za-z0-9_]*)$", p)
    ctype, pname = pm.group(1).strip(), pm.group(2)
    if pname in ("native", "new", "default", "char", "int", "class"):
        pname = pname + "_"
    return (classify(ctype + " *" if array else ctype), pname)


def main():
    header, lib, package = sys.argv[1:4]
    fns = parse(header, lib)
    soname = None
    for line in open(header):
        m = re.match(r"/\* @lib (\w+) (\S+) \*/", line)
        if m and m.group(1) == lib:
            soname = m.group(2)
    w = sys.stdout.write
    w(f"package {package};\n\n")
    w("import static java.lang.foreign.ValueLayout.ADDRESS;\n")
    w("import static java.lang.foreign.ValueLayout.JAVA_BYTE;\n")
    w("import static java.lang.foreign.ValueLayout.JAVA_INT;\n")
    w("import static java.lang.foreign.ValueLayout.JAVA_LONG;\n\n")
    errno = any(f[4] for f in fns)
    if package != "dev.bootcj.sys":
        w("import dev.bootcj.sys.NativeLibrary;\n")
    w("import java.lang.foreign.FunctionDescriptor;\n")
    if errno or any(f[5] is not None for f in fns):
        w("import java.lang.foreign.Linker;\n")
    if errno:
        w("import java.lang.foreign.MemoryLayout;\n")
    w("import java.lang.foreign.MemorySegment;\n")
    if errno:
        w("import java.lang.foreign.StructLayout;\n")
    w("import java.lang.invoke.MethodHandle;\n")
    if errno:
        w("import java.lang.invoke.VarHandle;\n")
    w("\n")
    w("/**\n")
    w(f" * The thin binding to {soname}: one lazy holder per symbol, C names, exact {{@code invokeExact}} calls.\n")
    w(f" * Written by {{@code native-headers/tools/gen_binding.py}} from {{@code {header.split('/')[-1]}}}, which gcc\n")
    w(" * checks against the system headers; callers use the safe API of this package instead.\n")
    w(" */\n")
    w('@SuppressWarnings({"restricted", "unused"})\n')
    w(f"final class {lib} {{\n")
    pkg_hint = {"LibOstree": "ostree libostree-1-1", "GLib": "glib libglib2.0-0", "GObject": "gobject libglib2.0-0",
                "Gio": "gio libglib2.0-0", "LibZstd": "zstd libzstd1"}.get(lib, "x " + soname).split()[1]
    if soname == "libc.so.6":
        w("    static final NativeLibrary LIB = NativeLibrary.libc();\n\n")
    else:
        w(f'    static final NativeLibrary LIB = NativeLibrary.load("{soname}", "{pkg_hint}");\n\n')
    if errno:
        w("    /** The call-state layout holding {@code errno}; allocate one per call (or per thread). */\n")
        w("    static final StructLayout CAPTURE_STATE = Linker.Option.captureStateLayout();\n")
        w("    private static final VarHandle ERRNO_HANDLE =\n")
        w('            CAPTURE_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));\n')
        w('    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");\n\n')
    w(f"    private {lib}() {{\n    }}\n")
    if errno:
        w("\n    /** Reads errno from a capture-state segment after a call that failed. */\n")
        w("    static int errno(MemorySegment captureState) {\n")
        w("        return (int) ERRNO_HANDLE.get(captureState, 0L);\n")
        w("    }\n")
    for name, (jret, lret), params, proto, captures, first_variadic in fns:
        layouts = [l for (_, l), _ in params]
        if lret is None:
            desc = "FunctionDescriptor.ofVoid(" + ", ".join(layouts) + ")"
        else:
            desc = "FunctionDescriptor.of(" + ", ".join([lret] + layouts) + ")"
        w(f"\n    private static final class {name} {{\n")
        w(f"        static final FunctionDescriptor DESC = {desc};\n")
        options = (["ERRNO"] if captures else []) + (
            [f"Linker.Option.firstVariadicArg({first_variadic})"] if first_variadic is not None else [])
        w(f'        static final MethodHandle HANDLE = LIB.downcall("{name}", DESC{"".join(", " + o for o in options)});\n')
        w("    }\n\n")
        w(f"    /** {{@snippet lang=c : {proto} }} */\n")
        names = (["state"] if captures else []) + [p for _, p in params]
        sig = ", ".join((["MemorySegment state"] if captures else []) + [f"{j} {p}" for (j, _), p in params])
        args = ", ".join(names)
        w(f"    static {jret} {name}({sig}) {{\n")
        w("        try {\n")
        if jret == "void":
            w(f"            {name}.HANDLE.invokeExact({args});\n")
        else:
            w(f"            return ({jret}) {name}.HANDLE.invokeExact({args});\n")
        w("        } catch (Error | RuntimeException e) {\n")
        w("            throw e;\n")
        w("        } catch (Throwable t) {\n")
        w('            throw new AssertionError("should not reach here", t);\n')
        w("        }\n")
        w("    }\n")
    w("}\n")


if __name__ == "__main__":
    main()

package dev.bootcj.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the scanner behind {@link ProgramsListTest} counts as a program run, and what it leaves out (sorted names). */
class ProgramUsesTest {
    static List<String> shell(String script) {
        return ProgramUses.shell("t.sh", script).stream().map(ProgramUses.Use::program).sorted().toList();
    }

    static List<String> java(String source) {
        return ProgramUses.java("T.java", source).stream().map(ProgramUses.Use::program).sorted().toList();
    }

    @Test
    void shellCommandWordsThroughPipesListsAndSubstitutions() {
        assertEquals(List.of("mkdir", "ostree", "tar", "zstd"),
                shell("set -eu\nmkdir -p \"$d\" && tar -cf - . | zstd -q > x.zst; X=1 ostree init --repo=r\n"));
        assertEquals(List.of("cut", "dirname", "sha256sum"),
                shell("k=$(sha256sum f | cut -c1-16)\nhere=$(cd \"$(dirname \"$0\")\" && pwd)\n"));
        assertEquals(List.of("python3"), shell("readarray -t a < <(python3 - x <<'PY'\nimport os\nos.system(1)\nPY\n)\n"));
    }

    @Test
    void shellSkipsBuiltinsFunctionsKeywordsCasePatternsHeredocsAndComments() {
        assertEquals(List.of(), shell("""
                # rm -rf / is a comment
                log() { printf '%s\\n' "$*" >&2; }
                log hello
                case $1 in
                  --image) image=$2; shift 2 ;;
                  key|x) echo "$2" ;;
                esac
                if [[ -n $x && $y == z ]]; then echo yes; fi
                for ((i = 0; i < 3; i++)); do (( n++ )); done
                cat <<'EOF' > /dev/null
                this would be grub-install
                EOF
                command -v udevadm >/dev/null
                "$JAVA_HOME/bin/java" -version
                scripts/setup.sh
                """.replace("cat <<", ": <<")));
    }

    @Test
    void shellLooksThroughWrappersButNotIntoAChroot() {
        assertEquals(List.of("chroot", "env", "find", "java", "mount", "ostree", "sh", "sha256sum", "time", "unshare", "xargs"),
                shell("""
                        find . -print0 | xargs -0 sha256sum
                        /usr/bin/time -o t -f "%U" java -version
                        env A=1 ostree --version
                        unshare -m sh -c 'mount --bind "$1" "$2"' sh a b
                        chroot "$root" depmod 6.1
                        """));
    }

    @Test
    void javaCommandHeadsOfEveryRunnerShape() {
        assertEquals(List.of("man", "mkfs.ext4", "mkfs.xfs", "openssl", "qemu-system-x86_64", "sfdisk", "skopeo", "zstd"),
                java("""
                        class T {
                            void a() throws Exception {
                                ProcessTask.of("sfdisk", "--dump", d).run();
                                Tools.run("skopeo", "copy", a, b); // Tools.run("commented", "out")
                                Tools.run(dir, List.of("openssl", "req"));
                                Tools.exec(null, Map.of("MANWIDTH", "200"), List.of("man", "-l", page));
                                List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64", "-m", m));
                                new ProcessBuilder(cmd).start();
                            }
                            void b(boolean xfs) throws Exception {
                                List<String> cmd = new ArrayList<>();
                                if (xfs) {
                                    cmd.addAll(List.of("mkfs.xfs", "-q"));
                                } else {
                                    cmd.addAll(List.of("mkfs.ext4", "-q"));
                                }
                                cmd.add("/dev/x");
                                ProcessTask.of(cmd).run();
                                String[] z = new String[3];
                                z[0] = "zstd";
                                Processes.run(z);
                            }
                        }
                        """));
    }

    @Test
    void javaLeavesOutComputedProgramsAndForwardingHelpers() {
        assertEquals(List.of(), java("""
                class T {
                    static String exec(List<String> cmd) {
                        return new ProcessBuilder(cmd).start();
                    }
                    void a() {
                        new ProcessBuilder(launcher().toString(), "upgrade").start();
                        List<String> cmd = new ArrayList<>();
                        cmd.add(launcher().toString());
                        Tools.exec(null, Map.of(), cmd, stdin);
                        Processes.run(dir.resolve("l").toString());
                    }
                }
                """));
    }
}

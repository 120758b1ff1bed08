#!/usr/bin/env bash
# Installs every Debian package the project needs (scripts/packages.txt), on a fresh Debian 12 machine as root,
# then checks that every program the project runs (scripts/programs.txt) is on PATH. Idempotent: installs nothing
# when all are installed. Prints the JDK it will use.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export DEBIAN_FRONTEND=noninteractive
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$here/packages.txt")
mapfile -t programs < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/programs.txt")
unlisted=()
for line in "${programs[@]}"; do
    read -r _ pkg <<<"$line"
    [[ " ${wanted[*]} " == *" $pkg "* ]] || unlisted+=("$pkg")
done
if ((${#unlisted[@]})); then
    echo "setup: scripts/programs.txt names packages scripts/packages.txt lacks: ${unlisted[*]}" >&2
    exit 1
fi
installed=" $(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${wanted[@]}" 2>/dev/null |
    awk '$1 == "ii" { printf "%s ", $2 }' || true)"
missing=()
for p in "${wanted[@]}"; do
    [[ $installed == *" $p "* ]] || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
absent=()
for line in "${programs[@]}"; do
    read -r prog pkg <<<"$line"
    PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin type -P "$prog" >/dev/null || absent+=("$prog (package $pkg)")
done
if ((${#absent[@]})); then
    printf 'setup: not on PATH after installing scripts/packages.txt: %s\n' "${absent[@]}" >&2
    exit 1
fi
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ ! -x "$JAVA_HOME/bin/java" ]; then
    echo "setup: no JDK at $JAVA_HOME (a JDK >= 22 is needed; set JAVA_HOME)" >&2
    exit 1
fi
echo "setup: ok (JDK $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p') at $JAVA_HOME)" >&2

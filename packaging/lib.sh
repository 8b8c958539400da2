# shellcheck shell=bash
# Functions shared by the packaging scripts (build-image, baseline/build, smoke-test, bench-startup).
# Source it; it expects JAVA_HOME to point at a JDK 25 with jlink and jpackage. Keep it to bash 3.2 (macOS).

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# linux or mac: the platform the image is built for (always the machine the build runs on).
pkg_os() {
  case "$(uname -s)" in
    Linux) echo linux ;;
    Darwin) echo mac ;;
    *) die "unsupported OS $(uname -s): the packaging builds Linux app-images and macOS apps" ;;
  esac
}

require_jdk() {
  [ -n "${JAVA_HOME:-}" ] || die "set JAVA_HOME to a JDK 25 (with jlink and jpackage)"
  local tool
  for tool in java javac jar jdeps jlink jpackage; do
    [ -x "$JAVA_HOME/bin/$tool" ] || die "$JAVA_HOME/bin/$tool missing: JAVA_HOME must be a full JDK 25"
  done
}

# The JavaFX platform jars (javafx.base, javafx.graphics, javafx.controls, javafx.fxml) of version $1 and classifier $2 in the
# local Maven repository $3, as a module path.
fx_module_path() {
  local version=$1 classifier=$2 repo=$3 path="" module jar
  for module in base graphics controls fxml; do
    jar="$repo/org/openjfx/javafx-$module/$version/javafx-$module-$version-$classifier.jar"
    [ -f "$jar" ] || die "no $jar (run mvn package first, it downloads the JavaFX jars)"
    path="${path:+$path:}$jar"
  done
  echo "$path"
}

# jlink a runtime with modules $3 (comma-separated) from the JDK and the module path $2 into $1, stripped and
# compressed (zip-6: -40 MiB; start-up CPU time unchanged within 1 %, since the AOT cache serves the classes); the
# JavaFX natives go into its lib/ so JavaFX loads them from there instead of extracting them to ~/.openjfx/cache at
# first start (and, on macOS, so they are inside the signed bundle). JLINK_EXTRA: more jlink options.
link_runtime() {
  local out=$1 module_path=$2 modules=$3 natives jar
  rm -rf "$out"
  # shellcheck disable=SC2086 # JLINK_EXTRA is a list of options
  "$JAVA_HOME/bin/jlink" --module-path "$module_path" --add-modules "$modules" \
    --strip-debug --no-man-pages --no-header-files --compress=zip-6 ${JLINK_EXTRA:-} --output "$out"
  natives=$(mktemp -d)
  IFS=: read -r -a jars <<<"$module_path"
  for jar in "${jars[@]}"; do
    (cd "$natives" && "$JAVA_HOME/bin/jar" xf "$jar")
  done
  find "$natives" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dylib' \) -exec cp {} "$out/lib/" \;
  rm -rf "$natives"
  keep_present_security_providers "$out"
}

# Rewrites runtime $1's security provider list to the providers it has (packaging/RuntimeProviders.java says why:
# otherwise every start creates BouncyCastle's provider from the class path), numbered from 1 as the JDK requires.
keep_present_security_providers() {
  local runtime=$1 classes present security java
  java="$runtime/bin/java"
  [ -x "$java" ] || java="$runtime/Contents/Home/bin/java"
  security=$(dirname "$(dirname "$java")")/conf/security/java.security
  classes=$(mktemp -d)
  "$JAVA_HOME/bin/javac" -d "$classes" "$(dirname "${BASH_SOURCE[0]}")/RuntimeProviders.java"
  present=$("$java" -cp "$classes" RuntimeProviders)
  rm -rf "$classes"
  printf '%s\n' "$present" | grep -qx 'SUN' || die "the runtime's provider list lost SUN: $present"
  awk -v present="$present" '
    /^security\.provider\.[0-9]+=/ {
      if (!done) { n = split(present, names, "\n"); for (i = 1; i <= n; i++) print "security.provider." i "=" names[i] }
      done = 1; next
    }
    { print }' "$security" >"$security.new"
  cat "$security.new" >"$security"
  rm "$security.new"
}

# JVM options every packaged launcher gets (the app's and the baseline's), as jpackage --java-options arguments.
# Measured on the app (docs/benchmarks.md, "Start-up and memory"):
#   -XX:TieredStopAtLevel=1  C1 only: until the app is ready the C2 compiler burnt ~520 ms of CPU (of 1.56 s) on
#                            2 cores, in the way of the app's own threads; with C1 only the app needs ~42 % less CPU
#                            to get ready and ~20 MiB less RSS. A menu-bar app idles; its code is I/O-bound. Remove
#                            this line to get C2's peak speed back.
#   -XX:+UseSerialGC -Xms32m one small heap, no concurrent GC threads; -27 MiB RSS 10 s after ready, same start-up
#   -XX:+UseCompactObjectHeaders  (JDK 25) smaller objects
#   -XX:-UsePerfData         no hsperfdata file (jcmd PID still works, jps does not list the app)
# The training run uses the same options, so the AOT cache matches them. The JVM's AOT/CDS warnings (a stale or
# damaged cache: it then runs without one) go to stderr, not to stdout where the CLI prints (status --json).
# (An array, not a function: the scripts also run on macOS's bash 3.2, which has no mapfile.)
# shellcheck disable=SC2034 # used by the scripts that source this file
LAUNCHER_JAVA_OPTIONS=(
  --java-options '-Xlog:aot=off,cds=off' --java-options '-Xlog:aot=warning,cds=warning:stderr'
  --java-options -XX:+UseSerialGC --java-options -Xms32m
  --java-options -XX:+UseCompactObjectHeaders --java-options -XX:-UsePerfData
  --java-options -XX:TieredStopAtLevel=1
)

# Where jpackage puts things in an app image $1 built with --name $2.
image_launcher() {
  if [ "$(pkg_os)" = mac ]; then echo "$1/$2.app/Contents/MacOS/$2"; else echo "$1/$2/bin/$2"; fi
}
image_app_dir() {
  if [ "$(pkg_os)" = mac ]; then echo "$1/$2.app/Contents/app"; else echo "$1/$2/lib/app"; fi
}
image_root() {
  if [ "$(pkg_os)" = mac ]; then echo "$1/$2.app"; else echo "$1/$2"; fi
}

# A display for the app's training run on Linux: the caller's when it answers, else an Xvfb of our own on a
# free display number with a tray host when trayer is installed, so the training run takes the menu-bar path the
# app takes on a Mac (stopped by stop_own_display). No-op on macOS.
OWN_XVFB_PID=""
OWN_TRAY_PID=""
ensure_display() {
  [ "$(pkg_os)" = linux ] || return 0
  if [ -n "${DISPLAY:-}" ] && xdpyinfo_ok; then return 0; fi
  start_own_display
  if command -v trayer >/dev/null; then start_tray_host; fi
}
# A system tray on $DISPLAY (trayer), so the app shows its menu-bar icon instead of the dashboard window.
start_tray_host() {
  command -v trayer >/dev/null || die "trayer missing (Debian: apt-get install trayer)"
  trayer --edge top --align right --widthtype request --height 24 >/dev/null 2>&1 &
  OWN_TRAY_PID=$!
  sleep 0.5
  kill -0 "$OWN_TRAY_PID" 2>/dev/null || die "trayer did not start on $DISPLAY"
}
stop_tray_host() {
  if [ -n "$OWN_TRAY_PID" ]; then
    kill "$OWN_TRAY_PID" 2>/dev/null || true
    wait "$OWN_TRAY_PID" 2>/dev/null || true
    OWN_TRAY_PID=""
  fi
}
xdpyinfo_ok() {
  # Without xdpyinfo, trust the lock file of the display number.
  local n=${DISPLAY#:}
  n=${n%%.*}
  [ -e "/tmp/.X11-unix/X$n" ]
}
start_own_display() {
  command -v Xvfb >/dev/null || die "Xvfb missing (Debian: apt-get install xvfb)"
  local n
  for n in $(seq 120 199); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || break
  done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  OWN_XVFB_PID=$!
  export DISPLAY=":$n"
  local _
  for _ in $(seq 1 50); do
    [ -e "/tmp/.X11-unix/X$n" ] && return 0
    kill -0 "$OWN_XVFB_PID" 2>/dev/null || break
    sleep 0.1
  done
  die "Xvfb :$n did not start"
}
stop_own_display() {
  stop_tray_host
  if [ -n "$OWN_XVFB_PID" ]; then
    kill "$OWN_XVFB_PID" 2>/dev/null || true
    wait "$OWN_XVFB_PID" 2>/dev/null || true
    OWN_XVFB_PID=""
  fi
}

# JVM options for runs under Xvfb (training, smoke test, benchmarks): the software pipeline, since Xvfb has no GPU
# (es2 would fall back to it anyway, after trying). Not in the shipped launcher configuration.
display_java_options() {
  if [ "$(pkg_os)" = linux ]; then echo "-Dprism.order=sw"; fi
}

# Training run of launcher $1 (launcher configuration $2) writing $4 with JVM option $3 (-XX:AOTCacheOutput= for
# the JDK 25 AOT cache in one step, -XX:ArchiveClassesAtExit= for a dynamic CDS archive), log in $5: the app
# starts, shows its first live state and quits (--exit-when-ready); any Docker engine, or none, will do. The
# configuration's own cache option is taken out for the run (the JVM takes one cache at a time), then put back.
train() {
  local launcher=$1 cfg=$2 option=$3 output=$4 log=$5 saved scratch status=0
  rm -f "$output"
  ensure_display
  saved=$(mktemp)
  cp "$cfg" "$saved"
  cfg_replace "$cfg" '^java-options=-XX:(AOTCache|SharedArchiveFile)=' ''
  # The app's own files (app-support dir with the installed stack, logs) go to a scratch directory, not the
  # builder's; HOME stays, so the run finds the builder's Colima or Docker engine as a user's app would.
  scratch=$(mktemp -d)
  XDG_CONFIG_HOME="$scratch/config" XDG_STATE_HOME="$scratch/state" \
    JAVA_TOOL_OPTIONS="$option$output -Duser.home=$scratch/home $(display_java_options) ${TRAINING_JAVA_OPTIONS:-}" \
    with_deadline 300 "$launcher" --exit-when-ready >"$log" 2>&1 || status=$?
  rm -rf "$scratch"
  cat "$saved" >"$cfg"
  rm -f "$saved"
  if [ "$status" -ne 0 ] || [ ! -s "$output" ]; then
    tail -n 40 "$log" >&2
    die "training run failed (exit $status, log: $log)"
  fi
}
train_aot() { train "$1" "$2" -XX:AOTCacheOutput= "$3" "$4"; }
train_cds() { train "$1" "$2" -XX:ArchiveClassesAtExit= "$3" "$4"; }

# The launcher configuration of app image $1 named $2.
image_cfg() {
  echo "$(image_app_dir "$1" "$2")/$2.cfg"
}

# Runs $2... and kills it after $1 seconds (timeout(1) is not on a stock Mac; perl is).
with_deadline() {
  local seconds=$1
  shift
  if command -v timeout >/dev/null; then
    timeout "$seconds" "$@"
  else
    perl -e 'alarm shift; exec @ARGV or die "exec: $!"' "$seconds" "$@"
  fi
}

# Replaces, in launcher configuration $1, the java-options line matching $2 (an extended regex) by $3 (a full
# line), or removes it when $3 is empty.
cfg_replace() {
  local cfg=$1 pattern=$2 line=$3 tmp
  tmp=$(mktemp)
  awk -v pat="$pattern" -v repl="$line" '
    $0 ~ pat { if (repl != "") print repl; next } { print }' "$cfg" >"$tmp"
  cat "$tmp" >"$cfg"
  rm -f "$tmp"
}

# Disk size of $1 in MiB (one decimal).
size_mib() {
  du -sk "$1" | awk '{ printf "%.1f", $1 / 1024 }'
}

#!/usr/bin/env bash
# Installs code-server (VS Code's workbench served to a browser, with a Node extension host) into a cache folder
# outside the repo, with the steps that work on machines without GitHub or Microsoft downloads
# (see shared/spec/real-vscode-here.md). Reuses the cache when present. Prints the install folder on stdout's last line.
set -euo pipefail
version="${CODE_SERVER_VERSION:-4.100.3}"
cache="${IAM_POLICY_E2E_CACHE:-$HOME/.cache/iam-policy-e2e}"
dir="$cache/code-server-$version"
stamp="$dir/.installed"
vscode="$dir/node_modules/code-server/lib/vscode"
log() { echo "install-code-server: $*" >&2; }
gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"

# VS Code's logger (@vscode/spdlog) is native too. Without its binding code-server still runs but prints two
# "Could not locate the bindings file" stack traces at every start, so it is built; where it cannot be (no compiler),
# that is noted once and code-server goes on without it.
spdlog_marker="$dir/.spdlog"
build_spdlog() {
  log "building @vscode/spdlog"
  if (cd "$vscode/node_modules/@vscode/spdlog" && node "$gyp" rebuild --nodedir=/usr >&2); then
    echo built > "$spdlog_marker"
  else
    log "@vscode/spdlog did not build; code-server runs without it (and says so in its log)"
    echo skipped > "$spdlog_marker"
  fi
}

if [ -f "$stamp" ]; then
  # A cache made before spdlog was built gets it now, once.
  if [ ! -f "$spdlog_marker" ] && [ -f "$gyp" ]; then build_spdlog; fi
  log "reusing $dir"
  echo "$dir"
  exit 0
fi

rm -rf "$dir"
mkdir -p "$dir"
started=$(date +%s)
[ -f "$gyp" ] || { log "npm's node-gyp not found at $gyp"; exit 1; }
command -v rg >/dev/null || { log "ripgrep (rg) is missing: apt-get install ripgrep"; exit 1; }

# 1. The package itself, without its postinstall (it refuses root and downloads things).
log "npm install code-server@$version"
npm install --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$version" >&2

# 2. VS Code's own runtime dependencies, then its two native modules against the local Node headers.
log "VS Code dependencies"
(cd "$vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
for module in kerberos node-pty; do
  log "building $module"
  (cd "$vscode/node_modules/$module" && node "$gyp" rebuild --nodedir=/usr >&2)
done
build_spdlog

# 3. ripgrep: Debian's binary instead of a GitHub download.
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"

# 4. The layout code-server expects, and the built-in extensions' dependencies.
ln -sfn node_modules "$vscode/node_modules.asar"
(cd "$vscode/extensions" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)

# 5. argon2 (password hashing; unused with --auth none but loaded): its prebuilt download fails, the source build works.
log "building argon2"
(cd "$dir" && npm rebuild argon2 >&2)

touch "$stamp"
log "installed in $(( $(date +%s) - started )) s"
echo "$dir"

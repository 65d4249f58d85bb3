#!/usr/bin/env bash
# Builds the solution once and runs every test project under tests/ against real parts: a throwaway
# PostgreSQL cluster (scripts/pg-throwaway.sh), SQLite files in temp dirs and Debian's Chromium.
# The very last line is always "tests: N passed, M failed"; the exit status is non-zero on any failure.
# Failures that hide test counts (the build, a crashed test host, a broken environment) count as failed.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests need; installed when missing and this runs as root.
REQUIRED_PACKAGES=(
  postgresql
  chromium # the browser tests drive Debian's Chromium through Playwright
  python3-aiosmtpd # the portal's mail tests send through a real SMTP server (aiosmtpd, run by /usr/bin/python3)
  fonts-dejavu-core # the font the PDF job reports are written in (PDFsharp brings none on Linux)
)
# The Web build restores its front-end libraries with npm. Any working node and npm will do (NodeSource's nodejs, for
# one, bundles npm and conflicts with Debian's npm package), so Debian's are asked for only when the commands are missing.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  REQUIRED_PACKAGES+=(nodejs npm)
fi

passed=0
failed=0
summary_printed=0
logs="$(mktemp -d "${TMPDIR:-/tmp}/orleansportal-test.XXXXXX")"

source scripts/pg-throwaway.sh

print_summary() {
  pg_throwaway_stop # before the summary, so nothing prints after it
  rm -rf "$logs"
  summary_printed=1
  echo "tests: $passed passed, $failed failed"
}

# Whatever ends the script (an unexpected error, Ctrl-C), stop the cluster and still end with the summary line.
on_exit() {
  local status=$?
  if [[ "$summary_printed" == 0 ]]; then
    echo "test.sh: stopped early (status $status)" >&2
    failed=$((failed + 1))
    print_summary
    exit 1
  fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM

install_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "test.sh: not a Debian system; make sure these are installed: ${REQUIRED_PACKAGES[*]}" >&2
    return 0
  fi
  local missing=() package
  for package in "${REQUIRED_PACKAGES[@]}"; do
    if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != installed ]]; then missing+=("$package"); fi
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ "$(id -u)" != 0 ]]; then
    echo "test.sh: missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    return 1
  fi
  echo "test.sh: installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# Adds one project's counts from VSTest's summary line(s), e.g.
#   "Passed!  - Failed:     0, Passed:    36, Skipped:     0, Total:    36, Duration: 1 s - X.dll (net10.0)"
# (colour codes stripped). A run that exits non-zero without reporting a failed test counts one failure: after a
# crashed test host, VSTest still prints "Passed!  - Failed: 0" for the tests that ran before the crash.
count_results() {
  local log="$1" status="$2" line project_failed=0 project_passed=0 found=0
  while IFS= read -r line; do
    found=1
    project_failed=$((project_failed + $(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$line")))
    project_passed=$((project_passed + $(sed -E 's/.*Passed: *([0-9]+),.*/\1/' <<<"$line")))
  done < <(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^[[:space:]]*(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+,' || true)

  if [[ "$status" != 0 && "$project_failed" == 0 ]]; then
    echo "test.sh: dotnet test exited with status $status without a failed test: counting the run as failed" >&2
    project_failed=1
  elif [[ "$found" == 0 ]]; then
    echo "test.sh: no test summary in the output (a project without tests?)" >&2
  fi
  passed=$((passed + project_passed))
  failed=$((failed + project_failed))
}

export DOTNET_CLI_UI_LANGUAGE=en DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! install_packages; then
  failed=$((failed + 1))
  print_summary
  exit 1
fi

# The PostgreSQL tests read ORLEANSPORTAL_TEST_POSTGRES, which pg_throwaway_start exports.
if ! pg_throwaway_start; then
  echo "test.sh: could not start the throwaway PostgreSQL cluster" >&2
  failed=$((failed + 1))
  print_summary
  exit 1
fi
echo "test.sh: PostgreSQL on 127.0.0.1:$PG_THROWAWAY_PORT ($PG_THROWAWAY_DIR)"

if ! dotnet build OrleansPortal.sln -c Release; then
  echo "test.sh: the build failed; no tests ran" >&2
  failed=$((failed + 1))
  print_summary
  exit 1
fi

shopt -s nullglob
projects=(tests/*/*.Tests.csproj) # not tests/Fakes: a library the tests use
if [[ ${#projects[@]} -eq 0 ]]; then
  echo "test.sh: no test projects under tests/" >&2
  failed=$((failed + 1))
fi

for project in "${projects[@]}"; do
  log="$logs/$(basename "$project" .csproj).log"
  echo "test.sh: testing $project"
  set +e
  dotnet test "$project" --no-build -c Release 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  count_results "$log" "$status"
done

[[ "$failed" == 0 ]] && status=0 || status=1
print_summary
exit "$status"

# Sourced by scripts/run and scripts/check: use the active virtualenv, or .venv, creating and
# filling .venv on first use (a fresh machine needs only python3 with the venv module).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${VIRTUAL_ENV:-}" ]]; then
    if [[ ! -x "$ROOT/.venv/bin/ombud" ]]; then
        echo "==> First run: creating .venv and installing Ombud Desktop (needs PyPI once)" >&2
        python3 -m venv "$ROOT/.venv"
        log="$ROOT/.venv/install.log"
        if ! { "$ROOT/.venv/bin/python" -m pip install --upgrade pip \
               && "$ROOT/.venv/bin/python" -m pip install -e "$ROOT[dev]"; } >"$log" 2>&1; then
            tail -n 30 "$log" >&2
            echo "Installing failed; the whole log is in $log" >&2
            exit 1
        fi
    fi
    export VIRTUAL_ENV="$ROOT/.venv"
    export PATH="$VIRTUAL_ENV/bin:$PATH"
    unset PYTHONHOME
fi

# Sourced by scripts/run and scripts/check: use the active virtualenv, or .venv, creating and
# filling .venv on first use (a fresh machine needs only python3 with the venv module).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${VIRTUAL_ENV:-}" ]]; then
    if [[ ! -x "$ROOT/.venv/bin/python" ]]; then
        echo "==> First run: creating .venv and installing Ombud Desktop (needs PyPI once)" >&2
        python3 -m venv "$ROOT/.venv"
        "$ROOT/.venv/bin/python" -m pip install --quiet --upgrade pip >&2
        "$ROOT/.venv/bin/python" -m pip install --quiet -e "$ROOT[dev]" >&2
    fi
    export VIRTUAL_ENV="$ROOT/.venv"
    export PATH="$VIRTUAL_ENV/bin:$PATH"
    unset PYTHONHOME
fi

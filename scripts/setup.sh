# Shared set-up, sourced by scripts/dashboard and scripts/test: a virtual environment in .venv with the
# project installed (and its test extra when SETUP_EXTRAS=test). Safe to run again: it only installs
# what is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import ensurepip, venv' 2>/dev/null; then
    echo "installing python3-venv with apt-get" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
fi
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
extras=${SETUP_EXTRAS:+[$SETUP_EXTRAS]}
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-12)${SETUP_EXTRAS:+-$SETUP_EXTRAS}"
if [ ! -e "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".$extras"
    touch "$stamp"
fi

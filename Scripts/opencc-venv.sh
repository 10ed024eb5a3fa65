# Sourced by the scripts that compare with OpenCC 1.4.2 (corpus.sh, differential.sh, golden.sh):
# one place that makes the private virtual environment with opencc==1.4.2 from PyPI.
#
#   opencc_venv DIR
#       Creates a venv in DIR (with $PYTHON, default python3) unless one is there, installs
#       opencc==1.4.2 into it unless that version is installed, and sets
#         PY      the venv's python (imports opencc)
#         OPENCC  the opencc command of the wheel
#         SHARE   the wheel's dictionaries and configs (for `opencc --path`)
#       Messages go to standard error; returns non-zero when the command is missing.

opencc_venv() {
    local venv="$1"
    if [[ ! -x "$venv/bin/python" ]]; then
        "${PYTHON:-python3}" -m venv "$venv"
    fi
    if [[ "$("$venv/bin/python" -m pip show opencc 2>/dev/null | sed -n 's/^Version: //p')" != 1.4.2 ]]; then
        echo "installing opencc==1.4.2 into $venv" >&2
        "$venv/bin/python" -m pip install --quiet opencc==1.4.2
    fi
    PY="$venv/bin/python"
    local site
    site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    OPENCC="$site/opencc/clib/bin/opencc"
    SHARE="$site/opencc/clib/share/opencc"
    if [[ ! -x "$OPENCC" ]]; then
        echo "opencc-venv.sh: $OPENCC not found" >&2
        return 1
    fi
}

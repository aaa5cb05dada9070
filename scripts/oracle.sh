# Sourced by the scripts: sets PY to the CPython 3.13 oracle, found as
# internal/oracle finds it ($PEEPHOLE_PYTHON, python3.13 on PATH if it runs
# and reports 3.13, else the newest 3.13.x under `pyenv root`), or to "".
find_oracle() {
  local p
  if [ -n "${PEEPHOLE_PYTHON:-}" ]; then PY=$PEEPHOLE_PYTHON; return; fi
  if p=$(command -v python3.13 2>/dev/null) && [ "$("$p" -c 'import sys;print("%d.%d"%sys.version_info[:2])' 2>/dev/null)" = 3.13 ]; then
    PY=$p; return
  fi
  local root
  root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
  p=$(ls -d "$root"/versions/3.13.*/bin/python3.13 2>/dev/null | sort -t. -k3 -n | tail -1)
  PY=${p:-}
}
find_oracle
